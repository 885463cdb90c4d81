/**
 * Webhook work that outlives the request that caused it. Reset and close cancel it all, so no
 * stale status from before a reset reaches the receiver afterwards. Each task has a signal of
 * its own: thousands of tasks listening on one shared signal would make every sleep and request
 * pay for all the others' listeners.
 */
export class BackgroundTasks {
  private readonly running = new Map<Promise<void>, AbortController>();

  run(task: (signal: AbortSignal) => Promise<void>): void {
    const controller = new AbortController();
    const promise = task(controller.signal).finally(() => this.running.delete(promise));
    this.running.set(promise, controller);
  }

  /** Cancels everything running and waits for it to stop. */
  async cancelAll(): Promise<void> {
    const tasks = [...this.running];
    for (const [, controller] of tasks) controller.abort();
    await Promise.allSettled(tasks.map(([promise]) => promise));
  }
}
