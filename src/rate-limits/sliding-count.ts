/** A limit: at most `limit` attempts in any `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The fixed window `nowMs` falls in, and the one before it. */
export function windowsAt(nowMs: number, windowMs: number): { current: number; previous: number } {
  const current = Math.floor(nowMs / windowMs) * windowMs;
  return { current, previous: current - windowMs };
}

/**
 * Attempts in the sliding window ending now, estimated from two fixed windows' counts: all of
 * the current one, and the share of the previous one that the sliding window still overlaps
 * (assuming its hits were spread evenly). Close to an exact count, with two counters per key
 * instead of a timestamp per attempt.
 */
export function slidingCount(
  counts: { current: number; previous: number },
  nowMs: number,
  windowMs: number,
): number {
  const elapsed = (nowMs - windowsAt(nowMs, windowMs).current) / windowMs;
  return counts.current + counts.previous * (1 - elapsed);
}
