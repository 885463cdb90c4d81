import { describe, expect, it } from 'vitest';
import { batchSizeFor, slotTimes, windowsOf } from './send-schedule.js';

describe('batchSizeFor', () => {
  it('claims about a quarter of a second of sends, within bounds', () => {
    expect(batchSizeFor(80)).toBe(20);
    expect(batchSizeFor(1000)).toBe(250);
    expect(batchSizeFor(1)).toBe(1);
  });
});

describe('slotTimes', () => {
  it('spaces sends evenly at the channel rate', () => {
    expect(slotTimes(1000, 80, 3)).toEqual([1000, 1012.5, 1025]);
    expect(slotTimes(0, 1000, 2)).toEqual([0, 1]);
  });
});

describe('windowsOf', () => {
  it('groups sends by due time so each group is checked just before it goes', () => {
    const times = slotTimes(0, 100, 12); // every 10 ms
    const windows = windowsOf([...Array(12).keys()], times, 50);
    expect(windows.map((w) => w.items)).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
      [10, 11],
    ]);
    expect(windows.map((w) => w.at)).toEqual([0, 50, 100]);
    expect(windows[2].dueAt).toEqual([100, 110]);
  });

  it('keeps nothing back and loses nothing', () => {
    const times = slotTimes(5, 7, 40);
    const windows = windowsOf([...Array(40).keys()], times, 50);
    expect(windows.flatMap((w) => w.items)).toEqual([...Array(40).keys()]);
  });
});
