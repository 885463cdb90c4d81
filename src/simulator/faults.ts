import { isObject } from './validate-message.js';

/**
 * Trouble injected through POST /_sim/faults. The body replaces the current faults; `{}` clears them.
 * - `outage`: every send answers 503 with code 2 (service temporarily unavailable).
 * - `errorRate` (0 to 1) with `errorCode` (default 131000): that share of well-formed sends fail.
 * - `latencyMs`: every send waits this long before answering.
 * - `asyncFailureRate` (0 to 1) with `asyncFailureCode` (default 131026): that share of accepted
 *   sends answer 200 but end in a `failed` status webhook, as when delivery fails later.
 * - `duplicateRate`, `reorderRate` (0 to 1): override SIM_WEBHOOK_DUPLICATE_RATE and
 *   SIM_WEBHOOK_REORDER_RATE until the next change or reset.
 */
export interface Faults {
  outage: boolean;
  errorRate: number;
  errorCode: number;
  latencyMs: number;
  asyncFailureRate: number;
  asyncFailureCode: number;
  duplicateRate: number;
  reorderRate: number;
}

/** The configured webhook rates, which the faults fall back to when a body leaves them out. */
export interface WebhookRates {
  duplicateRate: number;
  reorderRate: number;
}

export function noFaults(rates: WebhookRates): Faults {
  return {
    outage: false,
    errorRate: 0,
    errorCode: 131000,
    latencyMs: 0,
    asyncFailureRate: 0,
    asyncFailureCode: 131026,
    ...rates,
  };
}

const isRate = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;
const isCode = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

/** The faults a request body asks for, or the list of what is wrong with it. */
export function parseFaults(
  body: unknown,
  rates: WebhookRates,
): { faults: Faults } | { problems: string[] } {
  if (!isObject(body)) return { problems: ['body must be a JSON object'] };
  const faults: Record<string, unknown> = { ...noFaults(rates), ...body };
  const problems: string[] = [];
  if (typeof faults.outage !== 'boolean') problems.push('outage must be true or false');
  for (const name of ['errorRate', 'asyncFailureRate', 'duplicateRate', 'reorderRate'] as const) {
    if (!isRate(faults[name])) problems.push(`${name} must be a number from 0 to 1`);
  }
  for (const name of ['errorCode', 'asyncFailureCode'] as const) {
    if (!isCode(faults[name])) problems.push(`${name} must be a positive whole number`);
  }
  const { latencyMs } = faults;
  if (typeof latencyMs !== 'number' || latencyMs < 0 || latencyMs > 60_000) {
    problems.push('latencyMs must be a number of milliseconds from 0 to 60000');
  }
  if (problems.length > 0) return { problems };
  // Only the known fields are kept, so GET /_sim/faults shows exactly what is in force.
  const known = Object.keys(noFaults(rates)) as (keyof Faults)[];
  return {
    faults: Object.fromEntries(known.map((key) => [key, faults[key]])) as unknown as Faults,
  };
}
