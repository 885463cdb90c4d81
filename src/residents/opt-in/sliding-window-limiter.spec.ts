import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';

describe('SlidingWindowLimiter', () => {
  it('allows the limit within the window, refuses more, and allows again as attempts age out', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    expect(limiter.attempt('a', 0)).toBe(true);
    expect(limiter.attempt('a', 100)).toBe(true);
    expect(limiter.attempt('a', 200)).toBe(false);
    expect(limiter.attempt('b', 200)).toBe(true);
    // At 1150 only the attempt at 200 is still inside the window.
    expect(limiter.attempt('a', 1150)).toBe(true);
  });
});
