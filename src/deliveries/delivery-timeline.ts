/** How many of a message's alert sends had reached each stage by the end of one interval. */
export interface FunnelPoint {
  at: Date;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

/** The stage an alert send reached in one interval: counts per interval start, not cumulative. */
export interface StageCounts {
  bucket: Date;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

/** Intervals a chart can show legibly whatever the span: from a second up to a day. */
const BUCKET_SECONDS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 21600, 86400];
const MAX_POINTS = 60;

/** The narrowest interval that shows `spanSeconds` in at most 60 points. */
export function bucketSecondsFor(spanSeconds: number): number {
  return BUCKET_SECONDS.find((size) => spanSeconds / size <= MAX_POINTS) ?? 86400;
}

/**
 * The funnel over time: running totals at the end of each interval, from the first interval
 * with anything in it to the last, with no gaps (an interval where nothing happened repeats the
 * totals before it), so a chart's x axis is time and not a list of events.
 */
export function cumulativeFunnel(counts: StageCounts[], bucketSeconds: number): FunnelPoint[] {
  if (counts.length === 0) return [];
  const byStart = new Map(counts.map((row) => [row.bucket.getTime(), row]));
  const starts = counts.map((row) => row.bucket.getTime());
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const step = bucketSeconds * 1000;
  const points: FunnelPoint[] = [];
  const total = { sent: 0, delivered: 0, read: 0, failed: 0 };
  for (let start = first; start <= last; start += step) {
    const row = byStart.get(start);
    if (row) {
      total.sent += row.sent;
      total.delivered += row.delivered;
      total.read += row.read;
      total.failed += row.failed;
    }
    points.push({ at: new Date(start + step), ...total });
  }
  return points;
}
