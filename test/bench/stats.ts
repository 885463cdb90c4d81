export const OPERATION_KINDS = ['create', 'submit', 'approve'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export interface LatencySummary {
  operations: number;
  opsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (value: number, places = 2): number => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

export function summarise(samples: readonly number[], seconds: number): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  return {
    operations: sorted.length,
    opsPerSecond: round(seconds > 0 ? sorted.length / seconds : 0, 1),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
    meanMs: round(sorted.length > 0 ? total / sorted.length : 0),
  };
}

/** Latencies of the measured window, per kind of operation. */
export class Recorder {
  private readonly samples = new Map<OperationKind, number[]>(
    OPERATION_KINDS.map((kind) => [kind, []]),
  );
  errors = 0;

  record(kind: OperationKind, ms: number): void {
    this.samples.get(kind)?.push(ms);
  }

  of(kind: OperationKind): readonly number[] {
    return this.samples.get(kind) ?? [];
  }

  all(): number[] {
    return OPERATION_KINDS.flatMap((kind) => this.of(kind));
  }
}

/** A plain-text table: the first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
