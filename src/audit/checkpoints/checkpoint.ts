import type { BundleCheckpoint, CheckpointBody } from '../bundle/evidence-bundle.js';

/**
 * A signed statement of the audit log's state at one moment, kept outside the database: its size,
 * RFC 6962 Merkle root and chain head, signed with Ed25519 over `checkpointSignedText`. The same
 * shape travels in evidence bundles, whose format module defines it.
 */
export type SignedCheckpoint = BundleCheckpoint;
export type UnsignedCheckpoint = CheckpointBody;
export { checkpointSignedText } from '../bundle/evidence-bundle.js';
