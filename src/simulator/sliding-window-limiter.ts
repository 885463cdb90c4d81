/**
 * Counts events per key in a sliding window: an event is allowed when fewer than `limit` allowed
 * events for that key happened in the last `windowMs`. Rejected events are not counted, so a
 * client that backs off recovers as soon as the window slides.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records the event and returns true, or returns false if the key is over its limit. */
  tryAcquire(key: string, now: number): boolean {
    const recent = (this.events.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return false;
    }
    recent.push(now);
    this.events.set(key, recent);
    return true;
  }

  clear(): void {
    this.events.clear();
  }
}
