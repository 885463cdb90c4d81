import { hash } from 'node:crypto';

/** The chain hash before the first event. */
export const GENESIS_CHAIN_HASH = Buffer.alloc(32);

// Verification hashes every event twice, so inputs are written into reused buffers and hashed
// with the one-shot crypto.hash, which is several times faster than createHash for small inputs.
// Safe because hashing is synchronous: nothing else runs between filling and hashing a buffer.
let leafInput = Buffer.alloc(4096);
const chainInput = Buffer.alloc(64);

/** RFC 6962 leaf hash of an event's exact stored text: SHA-256(0x00 || UTF-8 bytes). */
export function leafHashOf(payload: string): Buffer {
  const length = 1 + Buffer.byteLength(payload, 'utf8');
  if (length > leafInput.length) leafInput = Buffer.alloc(length * 2);
  leafInput[0] = 0x00;
  leafInput.write(payload, 1, 'utf8');
  return hash('sha256', leafInput.subarray(0, length), 'buffer');
}

/** Links an event to everything before it: SHA-256(previous chain hash || leaf hash). */
export function chainHashOf(previousChainHash: Buffer, leafHash: Buffer): Buffer {
  previousChainHash.copy(chainInput, 0);
  leafHash.copy(chainInput, 32);
  return hash('sha256', chainInput, 'buffer');
}
