/** The settings every benchmark reads from its environment, checked the same way. */

/** The PostgreSQL server to create the benchmark's database on (as its admin). */
export const adminDatabaseUrl = (): string =>
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** BENCH_ENFORCE_GOAL=true: a missed goal also fails the run (exit code 2). */
export const enforceGoal = (): boolean => process.env.BENCH_ENFORCE_GOAL === 'true';

export function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** A comma-separated list of positive numbers, e.g. BENCH_RATES=1000,2000. */
export function positivesFromEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const values = raw.split(',').map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) {
    throw new Error(`${name} must be a comma-separated list of positive numbers`);
  }
  return values;
}
