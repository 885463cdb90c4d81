/** Time as a dependency, so that scheduling rules can be tested at any instant. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
