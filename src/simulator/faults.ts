import { isObject } from './validate-message.js';

/**
 * Trouble injected through POST /_sim/faults. The body replaces the current faults; `{}` clears them.
 * - `outage`: every send answers 503 with code 2 (service temporarily unavailable).
 * - `errorRate` (0 to 1) with `errorCode` (default 131000): that share of well-formed sends fail.
 * - `latencyMs`: every send waits this long before answering.
 */
export interface Faults {
  outage: boolean;
  errorRate: number;
  errorCode: number;
  latencyMs: number;
}

export const NO_FAULTS: Faults = { outage: false, errorRate: 0, errorCode: 131000, latencyMs: 0 };

/** The faults a request body asks for, or the list of what is wrong with it. */
export function parseFaults(body: unknown): { faults: Faults } | { problems: string[] } {
  if (!isObject(body)) return { problems: ['body must be a JSON object'] };
  const problems: string[] = [];
  const { outage = false, errorRate = 0, errorCode = 131000, latencyMs = 0 } = body;
  if (typeof outage !== 'boolean') problems.push('outage must be true or false');
  if (typeof errorRate !== 'number' || errorRate < 0 || errorRate > 1) {
    problems.push('errorRate must be a number from 0 to 1');
  }
  if (typeof errorCode !== 'number' || !Number.isInteger(errorCode) || errorCode <= 0) {
    problems.push('errorCode must be a positive whole number');
  }
  if (typeof latencyMs !== 'number' || latencyMs < 0 || latencyMs > 60_000) {
    problems.push('latencyMs must be a number of milliseconds from 0 to 60000');
  }
  if (problems.length > 0) return { problems };
  return {
    faults: {
      outage: outage as boolean,
      errorRate: errorRate as number,
      errorCode: errorCode as number,
      latencyMs: latencyMs as number,
    },
  };
}
