import { randomBytes } from 'node:crypto';

/**
 * A message id shaped like Meta's: "wamid." and base64 of opaque bytes. Random rather than a
 * counter so ids stay unique across resets and restarts, as clients may store them.
 */
export function newWamid(): string {
  return `wamid.${randomBytes(30).toString('base64')}`;
}
