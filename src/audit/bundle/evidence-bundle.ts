/**
 * crier-audit-bundle/v1: the evidence Crier exports for an investigation or a subject-access
 * request, checked offline by src/audit-verifier/verify-bundle.ts without trusting Crier.
 *
 * A bundle is one JSON object:
 * - `format`: "crier-audit-bundle/v1".
 * - `generatedAt`: ISO 8601 time of export.
 * - `scope`: `{ messageId }` (the events about one message) or `{ fromSeq, toSeq }` (every event
 *   in that inclusive range of the log, each exactly once).
 * - `checkpoint`: a signed statement of the log's state: `origin` (which log), `size` (events
 *   1..size), `root` (RFC 6962 Merkle root of their leaf hashes), `chainHead` (chainHash of event
 *   `size`), `at` (ISO 8601 time of signing), `keyId`, and `signature`: Ed25519, base64, over the
 *   UTF-8 bytes of `checkpointSignedText(checkpoint)`.
 * - `publicKey`: the Ed25519 key that signed it: `spki` (base64 of the DER SubjectPublicKeyInfo),
 *   the same key as `pem`, and `keyId` = lowercase hex of the first 16 bytes of SHA-256(spki DER).
 *   The bundle carries its key for convenience only; a verifier trusts the key ICT published.
 * - `entries`: events of the log, each with
 *   - `seq`: 1-based position in the log, also the leaf index `seq - 1` of the Merkle tree, and
 *     at most `checkpoint.size`;
 *   - `payload`: the exact stored canonical JSON text (RFC 8785) of the event, which itself
 *     contains the same `seq`;
 *   - `leafHash` = SHA-256(0x00 || UTF-8 bytes of payload);
 *   - `chainHash` = SHA-256(previousChainHash || leafHash), over the raw 32-byte values;
 *   - `previousChainHash`: chainHash of event `seq - 1`, or 32 zero bytes for seq 1;
 *   - `inclusionProof`: the RFC 6962 audit path of leaf `seq - 1` in the tree of
 *     `checkpoint.size` leaves, deepest sibling first.
 *
 * Every hash is 64 lowercase hex digits. The Merkle proof shows an entry is in the signed tree;
 * the chain fields let consecutive entries be checked against each other and the newest one
 * against `chainHead`, the same links Crier's own verification walks.
 */

export const EVIDENCE_BUNDLE_FORMAT = 'crier-audit-bundle/v1';

/** The first line of the signed text: names what the signature is over, and its version. */
export const CHECKPOINT_SIGNED_TEXT_HEADER = 'crier-audit-checkpoint/v1';

export type EvidenceScope = { messageId: string } | { fromSeq: number; toSeq: number };

export interface BundleCheckpoint {
  origin: string;
  size: number;
  /** hex */
  root: string;
  /** hex */
  chainHead: string;
  /** ISO 8601 */
  at: string;
  /** hex, 16 bytes */
  keyId: string;
  /** base64 Ed25519 signature over checkpointSignedText */
  signature: string;
}

/** The fields a checkpoint's signature covers. */
export type CheckpointBody = Pick<
  BundleCheckpoint,
  'origin' | 'size' | 'root' | 'chainHead' | 'at'
>;

export interface BundlePublicKey {
  /** hex, first 16 bytes of SHA-256(spki DER) */
  keyId: string;
  /** base64 DER SubjectPublicKeyInfo of an Ed25519 key */
  spki: string;
  pem: string;
}

export interface EvidenceEntry {
  seq: number;
  payload: string;
  leafHash: string;
  chainHash: string;
  previousChainHash: string;
  inclusionProof: string[];
}

export interface EvidenceBundle {
  format: typeof EVIDENCE_BUNDLE_FORMAT;
  generatedAt: string;
  scope: EvidenceScope;
  checkpoint: BundleCheckpoint;
  publicKey: BundlePublicKey;
  entries: EvidenceEntry[];
}

const HASH_HEX = /^[0-9a-f]{64}$/;

/**
 * The exact text a checkpoint signature covers, one field a line, each line ending in "\n", in
 * the spirit of C2SP tlog-checkpoint:
 *
 *     crier-audit-checkpoint/v1
 *     <origin>
 *     <size>
 *     <root hex>
 *     <chainHead hex>
 *     <at>
 *
 * Fields that could hold a newline are refused, since a newline would let one set of fields
 * be read as another with the same signature.
 */
export function checkpointSignedText(checkpoint: CheckpointBody): string {
  const { origin, size, root, chainHead, at } = checkpoint;
  if (origin.length === 0 || origin.includes('\n') || at.includes('\n')) {
    throw new RangeError('checkpoint origin must be non-empty, and origin and at one line each');
  }
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`checkpoint size ${size} is not a count`);
  }
  if (!HASH_HEX.test(root) || !HASH_HEX.test(chainHead)) {
    throw new RangeError('checkpoint root and chainHead must be 64 lowercase hex digits');
  }
  return [CHECKPOINT_SIGNED_TEXT_HEADER, origin, String(size), root, chainHead, at, ''].join('\n');
}
