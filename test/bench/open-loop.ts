import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { SignedCallback } from './webhook-callbacks.js';

export interface StepResult {
  offeredPerSecond: number;
  seconds: number;
  sent: number;
  acknowledged: number;
  errors: number;
  /** Milliseconds from each callback's scheduled time to its 200. */
  latencies: number[];
}

const TICK_MS = 2;

/**
 * Posts callbacks at a fixed rate whatever the server does (open loop, as Meta does): each one
 * is scheduled in advance and its latency counts from its scheduled time, so a slow server shows
 * up as queueing delay instead of quietly lowering the offered load.
 */
export async function postAtRate(
  target: URL,
  agent: http.Agent,
  callbacks: SignedCallback[],
  offeredPerSecond: number,
  seconds: number,
): Promise<StepResult> {
  const total = Math.min(callbacks.length, Math.round(offeredPerSecond * seconds));
  const interval = 1000 / offeredPerSecond;
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();

  const post = (callback: SignedCallback, scheduled: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': callback.body.length,
            'x-hub-signature-256': callback.signature,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) latencies.push(performance.now() - scheduled);
            else errors += 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end(callback.body);
    });

  while (sent < total) {
    const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
    for (; sent < due; sent += 1) pending.push(post(callbacks[sent], start + sent * interval));
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  await Promise.all(pending);
  return {
    offeredPerSecond,
    seconds: (performance.now() - start) / 1000,
    sent,
    acknowledged: latencies.length,
    errors,
    latencies,
  };
}
