import { describe, expect, it } from 'vitest';
import { cutoff, inboundCutoffs, stuckCallbackCutoff } from './retention-cutoffs.js';

const NOW = new Date('2026-03-29T12:00:00Z');

describe('retention cut-offs', () => {
  it('counts whole 24-hour days back from now, across a clock change', () => {
    expect(cutoff(NOW, 7).toISOString()).toBe('2026-03-22T12:00:00.000Z');
    expect(cutoff(NOW, 90).toISOString()).toBe('2025-12-29T12:00:00.000Z');
  });

  it('refuses a period shorter than a day or not whole', () => {
    expect(() => cutoff(NOW, 0)).toThrow(RangeError);
    expect(() => cutoff(NOW, 1.5)).toThrow(RangeError);
  });

  it("gives each channel its own cut-off for residents' messages", () => {
    expect(
      inboundCutoffs(NOW, [
        { channelId: 'a', inboundRetentionDays: 7 },
        { channelId: 'b', inboundRetentionDays: 30 },
      ]),
    ).toEqual([
      { channelId: 'a', before: new Date('2026-03-22T12:00:00Z') },
      { channelId: 'b', before: new Date('2026-02-27T12:00:00Z') },
    ]);
  });

  it('keeps stuck callbacks for the longest channel retention, or the default without channels', () => {
    const channels = [
      { channelId: 'a', inboundRetentionDays: 3 },
      { channelId: 'b', inboundRetentionDays: 14 },
    ];
    expect(stuckCallbackCutoff(NOW, channels, 7)).toEqual(new Date('2026-03-15T12:00:00Z'));
    expect(stuckCallbackCutoff(NOW, [], 7)).toEqual(new Date('2026-03-22T12:00:00Z'));
  });
});
