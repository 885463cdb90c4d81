import { ukTimeForSpan } from '../uk-dates.js';

/** One running-total point of the funnel, as MessageQueryService.deliveryReport gives it. */
export interface FunnelPointInput {
  at: string;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

export type FunnelStage = 'sent' | 'delivered' | 'read' | 'failed';

export interface ChartLine {
  stage: FunnelStage;
  label: string;
  colour: string;
  /** A dash pattern too, so the lines differ for people who cannot tell the colours apart. */
  dash: string;
  /** The SVG path: `M x y L x y ...`. */
  d: string;
}

export interface ChartTick {
  /** Position along the axis, in the SVG's own units. */
  at: number;
  label: string;
}

export interface FunnelChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  lines: ChartLine[];
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  /** The chart in one sentence: its accessible description. */
  summary: string;
  empty: boolean;
}

export const STAGES: readonly {
  stage: FunnelStage;
  label: string;
  colour: string;
  dash: string;
}[] = [
  { stage: 'sent', label: 'Sent', colour: '#1d70b8', dash: '' },
  { stage: 'delivered', label: 'Delivered', colour: '#00703c', dash: '8 4' },
  { stage: 'read', label: 'Read', colour: '#4c2c92', dash: '2 3' },
  { stage: 'failed', label: 'Failed', colour: '#d4351c', dash: '12 4 2 4' },
];

const WIDTH = 640;
const HEIGHT = 300;
const PLOT = { left: 64, top: 16, right: WIDTH - 24, bottom: HEIGHT - 56 };
const X_TICKS = 5;

/** A round step for the y axis (1, 2 or 5 times a power of ten) giving about four ticks. */
export function niceStep(max: number): number {
  if (max <= 4) return 1;
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
  return step ?? 10 * power;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The funnel as an SVG line chart, computed on the server (no chart library, no script needed):
 * time along the bottom in UK time, people up the side, a line per stage. The x axis starts one
 * interval before the first point, where every total was nought.
 */
export function funnelChart(
  funnel: readonly FunnelPointInput[],
  intervalSeconds: number,
  recipients: number,
): FunnelChart {
  const base = { width: WIDTH, height: HEIGHT, plot: PLOT };
  if (funnel.length === 0) {
    return {
      ...base,
      lines: [],
      xTicks: [],
      yTicks: [],
      summary: 'Nothing has been sent yet.',
      empty: true,
    };
  }
  const times = funnel.map((point) => Date.parse(point.at));
  const start = times[0] - intervalSeconds * 1000;
  const end = times[times.length - 1];
  const spanSeconds = (end - start) / 1000;
  const highest = Math.max(
    recipients,
    ...funnel.flatMap((p) => [p.sent, p.delivered, p.read, p.failed]),
    1,
  );
  const step = niceStep(highest);
  const top = Math.ceil(highest / step) * step;

  const x = (time: number) =>
    PLOT.left + ((time - start) / (end - start)) * (PLOT.right - PLOT.left);
  const y = (value: number) => PLOT.bottom - (value / top) * (PLOT.bottom - PLOT.top);

  const lines = STAGES.map(({ stage, label, colour, dash }) => {
    const points = [[x(start), y(0)], ...funnel.map((p, i) => [x(times[i]), y(p[stage])])];
    const d = points
      .map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${round(px)} ${round(py)}`)
      .join(' ');
    return { stage, label, colour, dash, d };
  });

  const xTicks = Array.from({ length: X_TICKS }, (_, i) => {
    const time = start + ((end - start) * i) / (X_TICKS - 1);
    return { at: round(x(time)), label: ukTimeForSpan(new Date(time), spanSeconds) };
  });
  const yTicks = Array.from({ length: top / step + 1 }, (_, i) => ({
    at: round(y(i * step)),
    label: (i * step).toLocaleString('en-GB'),
  }));

  const last = funnel[funnel.length - 1];
  const summary =
    `Running totals from ${ukTimeForSpan(new Date(start), spanSeconds)} to ${ukTimeForSpan(new Date(end), spanSeconds)} (UK time): ` +
    `${last.sent} sent, ${last.delivered} delivered, ${last.read} read, ${last.failed} failed.`;
  return { ...base, lines, xTicks, yTicks, summary, empty: false };
}

/** The chart's figures as table rows, for people who cannot see the chart. */
export function funnelRows(funnel: readonly FunnelPointInput[], intervalSeconds: number) {
  if (funnel.length === 0) return [];
  const spanSeconds =
    (Date.parse(funnel[funnel.length - 1].at) - Date.parse(funnel[0].at)) / 1000 + intervalSeconds;
  return funnel.map((point) => ({
    time: ukTimeForSpan(new Date(point.at), spanSeconds),
    sent: point.sent,
    delivered: point.delivered,
    read: point.read,
    failed: point.failed,
  }));
}
