import { describe, expect, it } from 'vitest';
import { resealReportLines } from '../cli/reseal-report.js';
import { keyCensus, sealedBytesPrefix, sealedPrefixPattern } from './sealed-columns.js';

describe('sealed columns', () => {
  it("matches text under one key only, whatever the id's characters", () => {
    expect(sealedPrefixPattern('k2')).toBe('v1.k2.%');
    expect(sealedPrefixPattern('key_2%')).toBe('v1.key\\_2\\%.%');
  });

  it('starts bytes sealed under a key with its length and its id', () => {
    expect(sealedBytesPrefix('k2')).toEqual(Buffer.from([2, 0x6b, 0x32]));
  });

  it('counts rows per key and names the older keys no row needs', () => {
    const census = keyCensus(
      ['k3', 'k2', 'k1'],
      [
        { table: 'subscribers', keyId: 'k3', rows: 4 },
        { table: 'staff', keyId: 'k3', rows: 1 },
        { table: 'subscribers', keyId: 'k2', rows: 2 },
        { table: 'inbound_messages', keyId: 'k0', rows: 1 },
      ],
    );
    expect(census.byKey).toEqual([
      { keyId: 'k3', rows: 5, configured: true },
      { keyId: 'k0', rows: 1, configured: false },
      { keyId: 'k1', rows: 0, configured: true },
      { keyId: 'k2', rows: 2, configured: true },
    ]);
    expect(census.retirable).toEqual(['k1']);
    expect(census.remaining).toBe(3);
  });

  it('is done when every row is under the newest key', () => {
    const census = keyCensus(['k2', 'k1'], [{ table: 'staff', keyId: 'k2', rows: 3 }]);
    expect(census).toMatchObject({ retirable: ['k1'], remaining: 0 });
    const lines = resealReportLines(
      [
        {
          newestKeyId: 'k2',
          olderKeyIds: ['k1'],
          resealed: { 'staff.test_phone_sealed': 3 },
          unreadable: { 'staff.test_phone_sealed': 0 },
          total: 3,
        },
      ],
      census,
    );
    expect(lines).toContain(
      'No rows remain under key k1: it can be removed from PHONE_ENCRYPTION_KEYS.',
    );
    expect(lines.at(-1)).toBe('OK: every sealed value is under the newest key k2.');
  });
});
