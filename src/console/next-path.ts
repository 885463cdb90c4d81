const HOME = '/console';
const MAX_LENGTH = 2000;

const isControl = (char: string): boolean => char < ' ' || char === '\u007f';

/**
 * Where to go after signing in: only a path inside the console, so a link to the sign-in page
 * cannot send someone on to another site (`//evil.example`, `/\evil.example`, `https://...`).
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > MAX_LENGTH) return HOME;
  // Browsers read a backslash as a slash, and control characters are never part of our paths.
  if (next.includes('\\') || [...next].some(isControl)) return HOME;
  if (next !== HOME && !/^\/console[/?#]/.test(next)) return HOME;
  if (next.includes('//')) return HOME;
  return next;
}

/** The sign-in page's address, remembering where the person was going. */
export function signInPath(next?: string): string {
  const safe = next === undefined ? HOME : safeNextPath(next);
  return safe === HOME ? '/console/sign-in' : `/console/sign-in?next=${encodeURIComponent(safe)}`;
}
