/**
 * Runs one piece of background work at a time on request. A request while it runs asks for one
 * more run afterwards (however many requests came), so work that arrived meanwhile is not left
 * waiting for the next timer; failures go to `onError` and do not stop later runs.
 */
export class SerialRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.work()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Runs now and resolves once no run is under way (tests, benchmarks, shutdown). */
  async settle(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  /** No further runs; resolves when the current one ends. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  get isStopped(): boolean {
    return this.stopped;
  }
}
