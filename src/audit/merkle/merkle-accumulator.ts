import {
  type BinaryHash,
  emptyRoot,
  fromBinaryHash,
  nodeHashBinary,
  toBinaryHash,
} from './tree-hash.js';

/**
 * Streaming RFC 6962 Merkle root: append leaf hashes one at a time and ask for the root of the
 * tree so far at any moment. It keeps only the "compact range" of the log, the roots of the
 * perfect subtrees whose sizes are the binary digits of the size (at most 53 hashes), so a
 * verifier can stream a million events from the database without holding them.
 */
export class MerkleAccumulator {
  // Roots of perfect subtrees, leftmost (largest) first. Appending merges equal-sized neighbours
  // exactly like a binary counter carries, so each append costs amortised one node hash. Kept as
  // latin1 strings, which also means a caller reusing its buffer cannot change the tree.
  private readonly subtrees: BinaryHash[] = [];
  private count = 0;

  /** Number of leaves appended. */
  get size(): number {
    return this.count;
  }

  append(leafHash: Uint8Array): void {
    let merged: BinaryHash | undefined;
    for (let carry = this.count; carry % 2 === 1; carry = (carry - 1) / 2) {
      const left = this.subtrees.pop();
      if (left === undefined) throw new Error('MerkleAccumulator: subtree stack out of step');
      merged = nodeHashBinary(left, merged ?? leafHash);
    }
    this.subtrees.push(merged ?? toBinaryHash(leafHash));
    this.count += 1;
  }

  /** The RFC 6962 root of the leaves so far (the empty-tree hash when there are none). */
  root(): Buffer {
    const last = this.subtrees.length - 1;
    if (last < 0) return emptyRoot();
    // RFC 6962 splits at the largest power of two, so the root folds the subtrees right to left.
    let root = this.subtrees[last];
    for (let i = last - 1; i >= 0; i -= 1) root = nodeHashBinary(this.subtrees[i], root);
    return fromBinaryHash(root);
  }
}

/** The RFC 6962 root of a list of leaf hashes. */
export function merkleRoot(leafHashes: readonly Uint8Array[]): Buffer {
  const accumulator = new MerkleAccumulator();
  for (const leaf of leafHashes) accumulator.append(leaf);
  return accumulator.root();
}
