import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  MerkleAccumulator,
  merkleRoot,
  MerkleTree,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle-tree.js';
import {
  RFC6962_CONSISTENCY,
  RFC6962_INCLUSION,
  RFC6962_LEAF_HASHES,
  RFC6962_LEAVES,
  RFC6962_ROOTS,
} from './rfc6962-test-vectors.js';

const unhex = (h: string): Buffer => Buffer.from(h, 'hex');
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const LEAVES = RFC6962_LEAVES.map((h) => leafHash(unhex(h)));

// Tampering helper: the same hash with one bit flipped.
function flipBit(hash: Uint8Array, bit = 0): Buffer {
  const copy = Buffer.from(hash);
  copy[bit >> 3] ^= 1 << (bit & 7);
  return copy;
}

// Seeded so a failure can be replayed; mulberry32.
function random(seed: number): (below: number) => number {
  let a = seed;
  return (below) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

// MTH straight from RFC 6962 section 2.1, slow and obviously right, to compare against.
function referenceRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return createHash('sha256')
    .update(Buffer.of(1))
    .update(referenceRoot(leaves.slice(0, k)))
    .update(referenceRoot(leaves.slice(k)))
    .digest();
}

const leavesOf = (n: number, salt = 0): Buffer[] =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`event ${salt}/${i}`)));

describe('RFC 6962 hashing', () => {
  it('hashes the empty tree as SHA-256 of the empty string', () => {
    expect(hex(emptyRoot())).toBe(RFC6962_ROOTS[0]);
    expect(hex(merkleRoot([]))).toBe(RFC6962_ROOTS[0]);
  });

  it('prefixes leaves with 0x00 and nodes with 0x01', () => {
    for (const [index, expected] of Object.entries(RFC6962_LEAF_HASHES)) {
      expect(hex(LEAVES[Number(index)])).toBe(expected);
    }
    expect(hex(nodeHash(LEAVES[0], LEAVES[1]))).toBe(RFC6962_ROOTS[2]);
  });

  it('refuses node inputs that are not 32-byte hashes', () => {
    expect(() => nodeHash(Buffer.alloc(31), LEAVES[0])).toThrow(RangeError);
    expect(() => new MerkleAccumulator().append(Buffer.alloc(33))).toThrow(RangeError);
  });
});

describe('the published RFC 6962 vectors', () => {
  it('gives the published root for every size 0..8, by list, accumulator and tree', () => {
    const accumulator = new MerkleAccumulator();
    const tree = new MerkleTree(LEAVES);
    for (let n = 0; n <= LEAVES.length; n += 1) {
      if (n > 0) accumulator.append(LEAVES[n - 1]);
      expect(hex(merkleRoot(LEAVES.slice(0, n))), `size ${n}`).toBe(RFC6962_ROOTS[n]);
      expect(hex(accumulator.root()), `size ${n}`).toBe(RFC6962_ROOTS[n]);
      expect(hex(tree.root(n)), `size ${n}`).toBe(RFC6962_ROOTS[n]);
    }
  });

  it.each(RFC6962_INCLUSION)(
    'produces and verifies the audit path of leaf $index in a tree of $treeSize',
    (vector) => {
      const proof = vector.proof.map(unhex);
      expect(inclusionProof(LEAVES, vector.index, vector.treeSize).map(hex)).toEqual(vector.proof);
      const root = unhex(RFC6962_ROOTS[vector.treeSize]);
      expect(
        verifyInclusion(LEAVES[vector.index], vector.index, vector.treeSize, proof, root),
      ).toBe(true);
      expect(
        verifyInclusion(LEAVES[vector.index], vector.index, vector.treeSize * 2, proof, root),
      ).toBe(false);
    },
  );

  it.each(RFC6962_CONSISTENCY)(
    'produces and verifies the consistency proof $oldSize -> $newSize',
    (vector) => {
      const proof = vector.proof.map(unhex);
      const { oldSize, newSize } = vector;
      expect(consistencyProof(LEAVES, oldSize, newSize).map(hex)).toEqual(vector.proof);
      const oldRoot = unhex(RFC6962_ROOTS[oldSize]);
      const newRoot = unhex(RFC6962_ROOTS[newSize]);
      expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof)).toBe(true);
      if (proof.length > 0) {
        expect(verifyConsistency(oldSize, newSize, newRoot, oldRoot, proof)).toBe(false);
      }
    },
  );

  // The edge cases CT's MerkleVerifierTest pins down (merkle_tree_test.cc, VerifyConsistencyProof).
  it('treats trivial consistency as CT does', () => {
    const root = emptyRoot();
    expect(verifyConsistency(0, 0, root, root, [])).toBe(true);
    expect(verifyConsistency(0, 1, root, LEAVES[0], [])).toBe(true);
    expect(verifyConsistency(1, 1, LEAVES[0], LEAVES[0], [])).toBe(true);
    expect(verifyConsistency(1, 0, root, root, [])).toBe(false);
    expect(verifyConsistency(2, 1, root, root, [])).toBe(false);
    expect(verifyConsistency(1, 2, LEAVES[0], unhex(RFC6962_ROOTS[2]), [])).toBe(false);
    expect(verifyConsistency(1, 1, LEAVES[0], root, [])).toBe(false);
    expect(verifyConsistency(0, 0, root, root, [root])).toBe(false);
    expect(verifyConsistency(1, 1, root, root, [root])).toBe(false);
  });

  it('rejects inclusion proofs for impossible positions', () => {
    const root = unhex(RFC6962_ROOTS[1]);
    expect(verifyInclusion(LEAVES[0], 0, 0, [], root)).toBe(false);
    expect(verifyInclusion(LEAVES[0], 1, 1, [], root)).toBe(false);
    expect(verifyInclusion(LEAVES[0], -1, 1, [], root)).toBe(false);
    expect(verifyInclusion(LEAVES[0], 0.5, 1, [], root)).toBe(false);
    expect(() => inclusionProof(LEAVES, 8, 8)).toThrow(RangeError);
    expect(() => inclusionProof(LEAVES, 0, 9)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES, 5, 4)).toThrow(RangeError);
  });
});

describe('properties over random trees', () => {
  const next = random(0x6962);
  const sizes = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 32, 33, 255, 256, 257];
  for (let i = 0; i < 12; i += 1) sizes.push(1 + next(300));

  it('the accumulator, the tree and the list agree with the RFC definition at every size', () => {
    const leaves = leavesOf(300);
    const accumulator = new MerkleAccumulator();
    const tree = new MerkleTree(leaves);
    const streamed = new MerkleTree();
    for (let n = 1; n <= leaves.length; n += 1) {
      accumulator.append(leaves[n - 1]);
      streamed.append(leaves[n - 1]);
      const expected = hex(referenceRoot(leaves.slice(0, n)));
      expect(hex(accumulator.root()), `size ${n}`).toBe(expected);
      expect(accumulator.size).toBe(n);
      expect(hex(tree.root(n)), `size ${n}`).toBe(expected);
      expect(hex(streamed.root()), `size ${n}`).toBe(expected);
    }
    expect(hex(merkleRoot(leaves))).toBe(hex(referenceRoot(leaves)));
  });

  it.each(sizes)(
    'every inclusion proof in a tree of %i verifies, and no tampered one does',
    (n) => {
      const leaves = leavesOf(n, n);
      const tree = new MerkleTree(leaves);
      const root = tree.root();
      const stranger = leafHash(Buffer.from('not in the log'));
      for (let index = 0; index < n; index += 1) {
        const proof = tree.inclusionProof(index);
        expect(verifyInclusion(leaves[index], index, n, proof, root), `leaf ${index}`).toBe(true);
        expect(verifyInclusion(stranger, index, n, proof, root)).toBe(false);
        expect(verifyInclusion(leaves[index], index, n, proof, flipBit(root, next(256)))).toBe(
          false,
        );
        if (n > 1) {
          const other = (index + 1 + next(n - 1)) % n;
          expect(verifyInclusion(leaves[index], other, n, proof, root)).toBe(false);
          expect(verifyInclusion(leaves[other], index, n, proof, root)).toBe(false);
          const tampered: Buffer[] = proof.map((p) => Buffer.from(p));
          const at = next(proof.length);
          tampered[at] = flipBit(tampered[at], next(256));
          expect(verifyInclusion(leaves[index], index, n, tampered, root)).toBe(false);
          expect(verifyInclusion(leaves[index], index, n, proof.slice(1), root)).toBe(false);
          expect(verifyInclusion(leaves[index], index, n, [...proof, root], root)).toBe(false);
        }
      }
    },
  );

  it.each(sizes)(
    'every consistency proof into a tree of %i verifies, and no tampered one does',
    (n) => {
      const leaves = leavesOf(n, n);
      const tree = new MerkleTree(leaves);
      const newRoot = tree.root();
      for (let oldSize = 0; oldSize <= n; oldSize += 1) {
        const oldRoot = tree.root(oldSize);
        const proof = tree.consistencyProof(oldSize);
        expect(verifyConsistency(oldSize, n, oldRoot, newRoot, proof), `${oldSize} -> ${n}`).toBe(
          true,
        );
        if (proof.length === 0) continue;
        const tampered: Buffer[] = proof.map((p) => Buffer.from(p));
        const at = next(proof.length);
        tampered[at] = flipBit(tampered[at], next(256));
        expect(verifyConsistency(oldSize, n, oldRoot, newRoot, tampered)).toBe(false);
        expect(verifyConsistency(oldSize, n, flipBit(oldRoot), newRoot, proof)).toBe(false);
        expect(verifyConsistency(oldSize, n, oldRoot, flipBit(newRoot), proof)).toBe(false);
        expect(verifyConsistency(oldSize, n, oldRoot, newRoot, proof.slice(0, -1))).toBe(false);
        // A log that rewrote an old leaf cannot prove it only appended.
        const rewritten = [...leaves];
        rewritten[next(oldSize)] = leafHash(Buffer.from('rewritten'));
        const forged = new MerkleTree(rewritten);
        expect(
          verifyConsistency(oldSize, n, oldRoot, forged.root(), forged.consistencyProof(oldSize)),
        ).toBe(false);
      }
    },
  );

  it('proves earlier sizes from one tree exactly as a tree built to that size would', () => {
    const leaves = leavesOf(100, 7);
    const tree = new MerkleTree(leaves);
    for (const size of [1, 2, 3, 50, 63, 64, 65, 99]) {
      const small = new MerkleTree(leaves.slice(0, size));
      expect(hex(tree.root(size))).toBe(hex(small.root()));
      for (const index of [0, size - 1, Math.floor(size / 2)]) {
        expect(tree.inclusionProof(index, size).map(hex)).toEqual(
          small.inclusionProof(index).map(hex),
        );
      }
      expect(tree.consistencyProof(1, size).map(hex)).toEqual(small.consistencyProof(1).map(hex));
    }
  });

  it('does not let a caller change the tree through a buffer it passed in', () => {
    const leaves = leavesOf(3);
    const accumulator = new MerkleAccumulator();
    const tree = new MerkleTree();
    for (const leaf of leaves) {
      accumulator.append(leaf);
      tree.append(leaf);
    }
    const before = hex(accumulator.root());
    leaves[2].fill(0);
    expect(hex(accumulator.root())).toBe(before);
    expect(hex(tree.root())).toBe(before);
  });
});
