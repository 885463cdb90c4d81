import {
  assertHash,
  type BinaryHash,
  emptyRoot,
  HASH_LENGTH,
  nodeHash,
  nodeHashBinary,
} from './tree-hash.js';

/**
 * RFC 6962 / RFC 9162 Merkle tree over SHA-256, with the audit paths and consistency proofs of
 * RFC 6962 section 2.1.1 and 2.1.2. This module is the library's entry point.
 */
export { emptyRoot, HASH_LENGTH, leafHash, nodeHash } from './tree-hash.js';
export { MerkleAccumulator, merkleRoot } from './merkle-accumulator.js';
export { verifyConsistency, verifyInclusion } from './merkle-verify.js';

/**
 * Hashes of one height of the tree, packed into a single growable buffer: a million leaves are
 * 32 MB here instead of a million small Buffer objects.
 */
class Level {
  private bytes: Buffer;
  count = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(capacity, 1) * HASH_LENGTH);
  }

  push(hash: Uint8Array | BinaryHash): void {
    const offset = this.count * HASH_LENGTH;
    if (offset + HASH_LENGTH > this.bytes.length) {
      const grown = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(grown, 0, 0, offset);
      this.bytes = grown;
    }
    if (typeof hash === 'string') this.bytes.write(hash, offset, 'latin1');
    else this.bytes.set(hash, offset);
    this.count += 1;
  }

  /** A view, not a copy: only for use inside MerkleTree. */
  at(index: number): Buffer {
    return this.bytes.subarray(index * HASH_LENGTH, (index + 1) * HASH_LENGTH);
  }
}

/**
 * A whole tree kept in memory so that many proofs (an export proving hundreds of entries of a
 * million-leaf log) cost O(log n) each after one O(n) build. It stores every complete, aligned
 * perfect subtree, which are also the perfect subtrees of every smaller tree, so it answers for
 * any earlier size as well: `root(size)`, `inclusionProof(index, size)`, `consistencyProof`.
 */
export class MerkleTree {
  // levels[h] holds the roots of the perfect subtrees of 2^h leaves: entry i covers the leaves
  // [i * 2^h, (i + 1) * 2^h). levels[0] holds the leaf hashes themselves.
  private readonly levels: Level[] = [];
  // Leaves expected, so that building from a list allocates each level once.
  private readonly expected: number;

  constructor(leafHashes: readonly Uint8Array[] = []) {
    this.expected = leafHashes.length;
    this.levels.push(new Level(this.expected));
    for (const leaf of leafHashes) this.append(leaf);
  }

  get size(): number {
    return this.levels[0].count;
  }

  append(leafHash: Uint8Array): void {
    assertHash(leafHash, 'leafHash');
    let node: Uint8Array | BinaryHash = leafHash;
    for (let height = 0; ; height += 1) {
      const level = this.levelAt(height);
      level.push(node);
      // A new perfect subtree one level up completes whenever this level gains a right child.
      if (level.count % 2 === 1) return;
      node = nodeHashBinary(level.at(level.count - 2), level.at(level.count - 1));
    }
  }

  /** RFC 6962 MTH of the first `treeSize` leaves. */
  root(treeSize = this.size): Buffer {
    this.assertSize(treeSize);
    return treeSize === 0 ? emptyRoot() : Buffer.from(this.subtreeHash(0, treeSize));
  }

  /** RFC 6962 PATH(index, D[0:treeSize]): sibling hashes from the leaf up to the root. */
  inclusionProof(index: number, treeSize = this.size): Buffer[] {
    this.assertSize(treeSize);
    if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
      throw new RangeError(`leaf index ${index} is outside a tree of ${treeSize} leaves`);
    }
    const proof: Buffer[] = [];
    this.path(index, 0, treeSize, proof);
    return proof;
  }

  /**
   * RFC 6962 PROOF(oldSize, D[0:newSize]). Empty when oldSize is 0 or equals newSize, where
   * there is nothing to prove.
   */
  consistencyProof(oldSize: number, newSize = this.size): Buffer[] {
    this.assertSize(newSize);
    if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > newSize) {
      throw new RangeError(`old size ${oldSize} must be between 0 and the new size ${newSize}`);
    }
    const proof: Buffer[] = [];
    if (oldSize > 0 && oldSize < newSize) this.subproof(oldSize, 0, newSize, true, proof);
    return proof;
  }

  // PATH(m, D[start:start+n]), deepest sibling first, appended to `out`.
  private path(m: number, start: number, n: number, out: Buffer[]): void {
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      this.path(m, start, k, out);
      out.push(Buffer.from(this.subtreeHash(start + k, n - k)));
    } else {
      this.path(m - k, start + k, n - k, out);
      out.push(Buffer.from(this.subtreeHash(start, k)));
    }
  }

  // SUBPROOF(m, D[start:start+n], b) of RFC 6962 section 2.1.2.
  private subproof(m: number, start: number, n: number, whole: boolean, out: Buffer[]): void {
    if (m === n) {
      if (!whole) out.push(Buffer.from(this.subtreeHash(start, n)));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      this.subproof(m, start, k, whole, out);
      out.push(Buffer.from(this.subtreeHash(start + k, n - k)));
    } else {
      this.subproof(m - k, start + k, n - k, false, out);
      out.push(Buffer.from(this.subtreeHash(start, k)));
    }
  }

  // MTH(D[start:start+n]) for n >= 1 where start is a multiple of the largest power of two
  // <= n, which every subtree the RFC recursion visits satisfies. Perfect subtrees are looked up;
  // only the ragged right edge is hashed, O(log n) nodes.
  private subtreeHash(start: number, n: number): Buffer {
    let height = 0;
    while (2 ** height < n) height += 1;
    if (2 ** height === n) return this.levels[height].at(start / n);
    const k = 2 ** (height - 1);
    return nodeHash(this.levels[height - 1].at(start / k), this.subtreeHash(start + k, n - k));
  }

  private levelAt(height: number): Level {
    if (height === this.levels.length) {
      const leaves = Math.max(this.expected, this.levels[0].count);
      this.levels.push(new Level(Math.ceil(leaves / 2 ** height)));
    }
    return this.levels[height];
  }

  private assertSize(treeSize: number): void {
    if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > this.size) {
      throw new RangeError(`tree size ${treeSize} must be between 0 and ${this.size}`);
    }
  }
}

/** The largest power of two strictly below n (n >= 2): where RFC 6962 splits a tree. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The audit path of leaf `index` in the tree of the first `treeSize` leaf hashes. */
export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  treeSize: number,
): Buffer[] {
  return treeOfPrefix(leafHashes, treeSize).inclusionProof(index);
}

/** The consistency proof between the trees of the first `oldSize` and `newSize` leaf hashes. */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  oldSize: number,
  newSize: number,
): Buffer[] {
  return treeOfPrefix(leafHashes, newSize).consistencyProof(oldSize);
}

function treeOfPrefix(leafHashes: readonly Uint8Array[], treeSize: number): MerkleTree {
  if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > leafHashes.length) {
    throw new RangeError(`tree size ${treeSize} must be between 0 and ${leafHashes.length}`);
  }
  return new MerkleTree(leafHashes.slice(0, treeSize));
}
