import type { MessageVersionEntity } from '../entities/message-version.entity.js';
import { contentHash } from './content-hash.js';

/**
 * Whether a stored version still hashes to the hash it was approved under: checked before
 * anything of it is sent, so that content changed behind Crier's back (in the database, say)
 * is never delivered under someone's approval.
 */
export function versionMatchesItsHash(version: MessageVersionEntity): boolean {
  return (
    contentHash({
      channelId: version.channelId,
      content: version.content,
      audience: version.audience,
      priority: version.priority,
      sendAt: version.sendAt ? version.sendAt.toISOString() : null,
      emergencyReason: version.emergencyReason,
    }) === version.contentHash
  );
}
