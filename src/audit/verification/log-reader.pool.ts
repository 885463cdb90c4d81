import { Worker } from 'node:worker_threads';
import type { LogReaderRequest, LogReaderResult, LogReaderSetup } from './log-reader.protocol.js';

// Node runs the worker from TypeScript source where this module is source (tests), and compiled
// JavaScript where it is compiled.
const WORKER_FILE = new URL(
  import.meta.url.endsWith('.ts') ? './log-reader.worker.ts' : './log-reader.worker.js',
  import.meta.url,
);

/** Worker threads that read and check ranges of the log, answering in any order. */
export class LogReaderPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve: (result: LogReaderResult) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;

  constructor(setup: LogReaderSetup, size: number) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER_FILE, { workerData: setup });
      worker.on('message', (result: LogReaderResult) => {
        const waiter = this.waiting.get(result.id);
        this.waiting.delete(result.id);
        if (result.error) waiter?.reject(new Error(result.error));
        else waiter?.resolve(result);
      });
      worker.on('error', (error: Error) => this.failAll(error));
      return worker;
    });
  }

  /** Events with from < seq <= to, checked by the next worker in turn. */
  read(from: number, to: number): Promise<LogReaderResult> {
    const id = this.nextId++;
    const request: LogReaderRequest = { id, from, to };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.postMessage('close');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
        await worker.terminate();
      }),
    );
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
