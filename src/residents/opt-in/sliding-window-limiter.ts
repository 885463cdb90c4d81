/**
 * Counts attempts per key over a sliding window, in this process's memory. Enough to blunt abuse
 * of one instance; several instances each keep their own count (so the effective limit is that
 * many times higher), and a restart forgets. A shared store would be needed to do better.
 */
export class SlidingWindowLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt and says whether it is within the limit. Refused attempts count too. */
  attempt(key: string, nowMs: number): boolean {
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
    recent.push(nowMs);
    this.attempts.set(key, recent);
    this.forgetStale(nowMs);
    return recent.length <= this.limit;
  }

  reset(): void {
    this.attempts.clear();
  }

  /** Keeps memory bounded: keys with nothing inside the window are dropped now and then. */
  private forgetStale(nowMs: number): void {
    if (this.attempts.size < 10_000) return;
    for (const [key, times] of this.attempts) {
      if (times.every((at) => at <= nowMs - this.windowMs)) this.attempts.delete(key);
    }
  }
}
