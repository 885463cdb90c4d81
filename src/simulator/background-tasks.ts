/**
 * Webhook work that outlives the request that caused it. Reset and close cancel it all through
 * one AbortSignal, so no stale status from before a reset reaches the receiver afterwards.
 */
export class BackgroundTasks {
  private controller = new AbortController();
  private readonly running = new Set<Promise<void>>();

  run(task: (signal: AbortSignal) => Promise<void>): void {
    const promise = task(this.controller.signal).finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Cancels everything running and waits for it to stop. */
  async cancelAll(): Promise<void> {
    this.controller.abort();
    this.controller = new AbortController();
    await Promise.allSettled([...this.running]);
  }
}
