import { createHash } from 'node:crypto';
import { leafHash } from '../merkle/merkle-tree.js';

/** The chain hash before the first event. */
export const GENESIS_CHAIN_HASH = Buffer.alloc(32);

/** RFC 6962 leaf hash of an event's exact stored text: SHA-256(0x00 || UTF-8 bytes). */
export function leafHashOf(payload: string): Buffer {
  return leafHash(Buffer.from(payload, 'utf8'));
}

/** Links an event to everything before it: SHA-256(previous chain hash || leaf hash). */
export function chainHashOf(previousChainHash: Buffer, leafHash: Buffer): Buffer {
  return createHash('sha256').update(previousChainHash).update(leafHash).digest();
}
