/** Milliseconds since the epoch. Injected so tests can move time (the 24-hour window) without waiting. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** Unix seconds as a string, the way Meta writes `timestamp` in webhooks. */
export function unixSeconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}
