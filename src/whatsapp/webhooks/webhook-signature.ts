import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Meta's `X-Hub-Signature-256` over the exact bytes received (Meta escapes non-ASCII, so
 * re-serialised JSON would not match), comparing in constant time.
 */
export function hasValidSignature(
  rawBody: Buffer,
  header: string | undefined,
  appSecret: string,
): boolean {
  const given = header === undefined ? null : HEADER_FORMAT.exec(header.trim());
  if (!given) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(given[1].toLowerCase(), 'hex'), expected);
}
