import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';

describe('SlidingWindowLimiter', () => {
  it('allows up to the limit within the window and refuses the next', () => {
    const limiter = new SlidingWindowLimiter(3, 1000);
    expect([0, 10, 20, 30].map((t) => limiter.tryAcquire('n', t))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('slides: capacity returns as the oldest events leave the window', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    limiter.tryAcquire('n', 0);
    limiter.tryAcquire('n', 500);
    expect(limiter.tryAcquire('n', 999)).toBe(false);
    expect(limiter.tryAcquire('n', 1000)).toBe(true); // The event at 0 has left the window.
    expect(limiter.tryAcquire('n', 1001)).toBe(false); // 500 and 1000 are still in it.
  });

  it('does not count refused events, so a client that backs off recovers', () => {
    const limiter = new SlidingWindowLimiter(1, 1000);
    limiter.tryAcquire('n', 0);
    for (let t = 1; t < 1000; t += 100) limiter.tryAcquire('n', t);
    expect(limiter.tryAcquire('n', 1000)).toBe(true);
  });

  it('keeps keys apart and forgets everything on clear', () => {
    const limiter = new SlidingWindowLimiter(1, 1000);
    expect(limiter.tryAcquire('a', 0)).toBe(true);
    expect(limiter.tryAcquire('b', 0)).toBe(true);
    expect(limiter.tryAcquire('a', 1)).toBe(false);
    limiter.clear();
    expect(limiter.tryAcquire('a', 2)).toBe(true);
  });
});
