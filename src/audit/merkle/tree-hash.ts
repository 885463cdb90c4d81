import { hash } from 'node:crypto';

/**
 * RFC 6962 section 2.1 (RFC 9162 section 2.1.1) hashing with SHA-256. The one-byte prefixes keep
 * a leaf from ever being mistaken for an interior node (a second-preimage defence).
 *
 * Speed matters here: verifying the log rehashes every event and every node. Measured with
 * Node 24 on the 2-core build machine, per call: createHash().update().digest() about 1.6 us,
 * the one-shot crypto.hash() with Buffer output about 1.0 us, and crypto.hash() with a latin1
 * ("binary") string output about 0.3 us, because small strings skip Buffer allocation. So the
 * hot paths hash into latin1 strings, which hold one byte per character exactly, and turn them
 * into Buffers only at the edges. That took the accumulator's root of a million leaves from
 * 1.8 s to 0.5-0.9 s.
 */

/** Bytes in every hash of the tree. */
export const HASH_LENGTH = 32;

/** A hash as a latin1 string of 32 characters, each one byte: the internal fast form. */
export type BinaryHash = string;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

// Inputs are built in reused buffers instead of a fresh allocation per hash. This is safe
// because hash() is synchronous and nothing else runs in between.
const nodeInput = Buffer.alloc(1 + 2 * HASH_LENGTH);
nodeInput[0] = NODE_PREFIX;
const LEAF_SCRATCH_LIMIT = 64 * 1024;
let leafInput = Buffer.alloc(1024);

function sha256Binary(data: Uint8Array): BinaryHash {
  // 'binary' is Node's name for latin1 where its types expect a BinaryToTextEncoding.
  return hash('sha256', data, 'binary');
}

export function toBinaryHash(bytes: Uint8Array): BinaryHash {
  assertHash(bytes, 'hash');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function fromBinaryHash(binary: BinaryHash): Buffer {
  return Buffer.from(binary, 'latin1');
}

/** The root of the tree of no leaves: SHA-256 of the empty string. A fresh copy each call. */
export function emptyRoot(): Buffer {
  return fromBinaryHash(sha256Binary(new Uint8Array(0)));
}

/** SHA-256(0x00 || data): the hash of one log entry's bytes. */
export function leafHash(data: Uint8Array): Buffer {
  const length = 1 + data.length;
  if (length > leafInput.length && length <= LEAF_SCRATCH_LIMIT) {
    leafInput = Buffer.alloc(Math.max(length, leafInput.length * 2));
  }
  // Rare huge entries get their own buffer rather than pinning a large scratch one forever.
  const input = length <= leafInput.length ? leafInput.subarray(0, length) : Buffer.alloc(length);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return fromBinaryHash(sha256Binary(input));
}

/** SHA-256(0x01 || left || right): the hash of an interior node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return fromBinaryHash(nodeHashBinary(left, right));
}

/** nodeHash for the hot paths: takes either form, returns the latin1 form. */
export function nodeHashBinary(
  left: Uint8Array | BinaryHash,
  right: Uint8Array | BinaryHash,
): BinaryHash {
  place(left, 1, 'left');
  place(right, 1 + HASH_LENGTH, 'right');
  return sha256Binary(nodeInput);
}

function place(value: Uint8Array | BinaryHash, offset: number, name: string): void {
  if (value.length !== HASH_LENGTH) {
    throw new RangeError(`${name} must be a ${HASH_LENGTH}-byte hash, not ${value.length} bytes`);
  }
  if (typeof value === 'string') nodeInput.write(value, offset, 'latin1');
  else nodeInput.set(value, offset);
}

export function isHash(value: Uint8Array): boolean {
  return value.length === HASH_LENGTH;
}

export function assertHash(value: Uint8Array, name: string): void {
  if (!isHash(value)) {
    throw new RangeError(`${name} must be a ${HASH_LENGTH}-byte hash, not ${value.length} bytes`);
  }
}
