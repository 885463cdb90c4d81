import { describe, expect, it } from 'vitest';
import { slidingCount, windowsAt } from './sliding-count.js';

describe('windowsAt', () => {
  it('finds the fixed window holding a moment and the one before', () => {
    expect(windowsAt(125_000, 60_000)).toEqual({ current: 120_000, previous: 60_000 });
  });
});

describe('slidingCount', () => {
  it('counts all of the current window and the overlapping share of the previous', () => {
    // A quarter of the way into the current window: three quarters of the previous overlap.
    expect(slidingCount({ current: 2, previous: 4 }, 135_000, 60_000)).toBe(5);
  });

  it('ignores the previous window at its very end, and counts it all at the start', () => {
    expect(slidingCount({ current: 1, previous: 4 }, 120_000, 60_000)).toBe(5);
    expect(slidingCount({ current: 1, previous: 4 }, 179_999, 60_000)).toBeCloseTo(1, 3);
  });
});
