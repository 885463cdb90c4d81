import { describe, expect, it } from 'vitest';
import { bucketSecondsFor, cumulativeFunnel } from './delivery-timeline.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 22, 9, 0, seconds));

describe('bucketSecondsFor', () => {
  it('picks the narrowest interval that keeps a chart to 60 points', () => {
    expect(bucketSecondsFor(0)).toBe(1);
    expect(bucketSecondsFor(60)).toBe(1);
    expect(bucketSecondsFor(61)).toBe(5);
    expect(bucketSecondsFor(3600)).toBe(60);
    expect(bucketSecondsFor(30 * 86400)).toBe(86400);
  });
});

describe('cumulativeFunnel', () => {
  it('adds up each stage over time and fills quiet intervals with the totals so far', () => {
    const points = cumulativeFunnel(
      [
        { bucket: at(0), sent: 10, delivered: 4, read: 0, failed: 1 },
        { bucket: at(10), sent: 5, delivered: 8, read: 3, failed: 0 },
      ],
      5,
    );
    expect(points).toEqual([
      { at: at(5), sent: 10, delivered: 4, read: 0, failed: 1 },
      { at: at(10), sent: 10, delivered: 4, read: 0, failed: 1 },
      { at: at(15), sent: 15, delivered: 12, read: 3, failed: 1 },
    ]);
  });

  it('has no points before anything happened', () => {
    expect(cumulativeFunnel([], 5)).toEqual([]);
  });
});
