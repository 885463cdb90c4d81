import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainHashOf, GENESIS_CHAIN_HASH, leafHashOf } from './audit-hashes.js';

const sha256 = (...parts: Buffer[]) => {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part);
  return digest.digest();
};

describe('audit hashes', () => {
  it('hash the exact UTF-8 bytes of the text behind a 0x00 prefix, whatever their length', () => {
    for (const text of ['', '{"a":1}', 'Cymraeg: ŵ ŷ – “quoted”', 'x'.repeat(10_000)]) {
      expect(leafHashOf(text)).toEqual(sha256(Buffer.from([0]), Buffer.from(text, 'utf8')));
    }
  });

  it('chain each leaf to the previous chain hash, starting from 32 zero bytes', () => {
    const first = leafHashOf('{"seq":1}');
    const second = leafHashOf('{"seq":2}');
    const head1 = chainHashOf(GENESIS_CHAIN_HASH, first);
    expect(head1).toEqual(sha256(Buffer.alloc(32), first));
    expect(chainHashOf(head1, second)).toEqual(sha256(head1, second));
    expect(GENESIS_CHAIN_HASH.equals(Buffer.alloc(32))).toBe(true);
  });
});
