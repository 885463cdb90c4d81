import { describe, expect, it } from 'vitest';
import { SerialRunner } from './serial-runner.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('SerialRunner', () => {
  it('never runs twice at once, and runs once more for wakes that came meanwhile', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const runner = new SerialRunner(
      async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        runs += 1;
        await tick();
        running -= 1;
      },
      () => undefined,
    );
    runner.wake();
    runner.wake();
    runner.wake();
    await runner.settle();
    expect(maxRunning).toBe(1);
    // The first run, then one more for the two wakes during it (and settle's own wake).
    expect(runs).toBeLessThanOrEqual(3);
    expect(runs).toBeGreaterThanOrEqual(2);
  });

  it('reports a failure and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const runner = new SerialRunner(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('first run fails');
        await tick();
      },
      (error) => errors.push(error),
    );
    await runner.settle();
    await runner.settle();
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('does nothing once stopped', async () => {
    let calls = 0;
    const runner = new SerialRunner(
      async () => {
        calls += 1;
        await tick();
      },
      () => undefined,
    );
    await runner.stop();
    runner.wake();
    await runner.settle();
    expect(calls).toBe(0);
  });
});
