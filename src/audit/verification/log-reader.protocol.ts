/** Messages between the verifier and its log-reading workers. */

export interface LogReaderSetup {
  url: string;
  /** A snapshot exported by the verifier's transaction, so every worker reads the same log. */
  snapshot: string;
}

/** Read and check the events with from < seq <= to. */
export interface LogReaderRequest {
  id: number;
  from: number;
  to: number;
}

export const ROW_OK = 0;
export const ROW_LEAF_MISMATCH = 1;
export const ROW_CONTENT_PROBLEM = 2;

export interface LogReaderResult {
  id: number;
  /** The rows' seqs, in order. */
  seqs: Float64Array;
  /** Each row's leaf hash as recomputed from its text, 32 bytes each. */
  leaves: Uint8Array;
  /** Each row's stored chain hash, 32 bytes each. */
  chains: Uint8Array;
  /** ROW_OK, ROW_LEAF_MISMATCH or ROW_CONTENT_PROBLEM for each row. */
  codes: Uint8Array;
  /** Why, for rows whose code is ROW_CONTENT_PROBLEM. */
  problems: Record<number, string>;
  error?: string;
}
