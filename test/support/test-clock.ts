import type { Clock } from '../../src/common/clock.js';

/** A clock the test sets, so scheduling rules can be checked at any instant. */
export class TestClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }
}
