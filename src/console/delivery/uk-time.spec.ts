import { describe, expect, it } from 'vitest';
import { ukTime } from './uk-time.js';

describe('ukTime', () => {
  it('shows GMT in winter and BST in summer', () => {
    expect(ukTime(new Date('2026-01-15T09:05:07Z'), 60)).toBe('09:05:07');
    expect(ukTime(new Date('2026-07-15T09:05:07Z'), 60)).toBe('10:05:07');
  });

  it('drops the seconds for longer sends and adds the day for the longest', () => {
    expect(ukTime(new Date('2026-01-15T09:05:07Z'), 3600)).toBe('09:05');
    expect(ukTime(new Date('2026-01-15T09:05:07Z'), 2 * 86400)).toBe('15 Jan, 09:05');
  });
});
