import { describe, expect, it } from 'vitest';
import { funnelChart, funnelRows, niceStep } from './funnel-chart.js';

const funnel = [
  { at: '2026-01-15T09:00:01Z', sent: 10, delivered: 5, read: 0, failed: 1 },
  { at: '2026-01-15T09:00:02Z', sent: 20, delivered: 15, read: 5, failed: 2 },
  { at: '2026-01-15T09:00:03Z', sent: 28, delivered: 28, read: 20, failed: 2 },
];

describe('funnelChart', () => {
  it('draws a line per stage from nought, one interval before the first point', () => {
    const chart = funnelChart(funnel, 1, 30);
    expect(chart.empty).toBe(false);
    expect(chart.lines.map((line) => line.stage)).toEqual(['sent', 'delivered', 'read', 'failed']);
    const sent = chart.lines[0].d.split(' L');
    expect(sent).toHaveLength(4);
    // Starts at the bottom left of the plot.
    expect(sent[0]).toBe(`M${chart.plot.left} ${chart.plot.bottom}`);
    // Ends at the right edge.
    expect(sent[3].startsWith(`${chart.plot.right} `)).toBe(true);
  });

  it('scales the y axis to the recipients, with round ticks from nought', () => {
    const chart = funnelChart(funnel, 1, 30);
    expect(chart.yTicks.map((tick) => tick.label)).toEqual(['0', '10', '20', '30']);
    expect(chart.yTicks[0].at).toBe(chart.plot.bottom);
    expect(chart.yTicks[3].at).toBe(chart.plot.top);
    // 28 of 30 sent: just under the top.
    const lastSent = chart.lines[0].d.split(' L').at(-1)!.split(' ').map(Number);
    expect(lastSent[1]).toBeGreaterThan(chart.plot.top);
  });

  it('labels the time axis in UK time and describes the chart in a sentence', () => {
    const chart = funnelChart(funnel, 1, 30);
    expect(chart.xTicks[0].label).toBe('09:00:00');
    expect(chart.xTicks.at(-1)!.label).toBe('09:00:03');
    expect(chart.summary).toBe(
      'Running totals from 09:00:00 to 09:00:03 (UK time): 28 sent, 28 delivered, 20 read, 2 failed.',
    );
    const summer = funnelChart([{ ...funnel[0], at: '2026-07-15T09:00:01Z' }], 1, 30);
    expect(summer.xTicks.at(-1)!.label).toBe('10:00:01');
  });

  it('says so when nothing has been sent', () => {
    const chart = funnelChart([], 1, 30);
    expect(chart).toMatchObject({ empty: true, lines: [], summary: 'Nothing has been sent yet.' });
  });

  it('gives the same figures as table rows', () => {
    expect(funnelRows(funnel, 1)[2]).toEqual({
      time: '09:00:03',
      sent: 28,
      delivered: 28,
      read: 20,
      failed: 2,
    });
  });
});

describe('niceStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(3)).toBe(1);
    expect(niceStep(30)).toBe(10);
    expect(niceStep(16)).toBe(5);
    expect(niceStep(1234)).toBe(500);
  });
});
