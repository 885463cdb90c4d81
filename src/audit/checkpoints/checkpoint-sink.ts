import type { SignedCheckpoint } from './checkpoint.js';

/**
 * Where checkpoints go: somewhere the database administrator cannot rewrite. The default is a
 * directory of files; another sink (a SIEM, WORM storage, an email to ICT) implements this.
 */
export interface CheckpointSink {
  write(checkpoint: SignedCheckpoint): Promise<void>;
  /** Every checkpoint written, smallest first, and the names of any that cannot be read. */
  list(): Promise<CheckpointListing>;
}

export interface CheckpointListing {
  checkpoints: SignedCheckpoint[];
  unreadable: string[];
}

export const CHECKPOINT_SINK = Symbol('CHECKPOINT_SINK');
