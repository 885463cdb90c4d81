import { describe, expect, it } from 'vitest';
import { exceedsMessagingLimit } from './messaging-limit.js';

describe('exceedsMessagingLimit', () => {
  it('allows an alert that fits, exactly or with room', () => {
    expect(exceedsMessagingLimit(250, { alreadyReached: 100, alertWouldAdd: 150 })).toBe(false);
    expect(exceedsMessagingLimit(250, { alreadyReached: 0, alertWouldAdd: 10 })).toBe(false);
  });

  it('refuses an alert that would take the 24-hour count over the limit', () => {
    expect(exceedsMessagingLimit(250, { alreadyReached: 100, alertWouldAdd: 151 })).toBe(true);
    expect(exceedsMessagingLimit(2000, { alreadyReached: 0, alertWouldAdd: 2001 })).toBe(true);
  });

  it('never refuses without a limit, or an alert that reaches no one new', () => {
    expect(exceedsMessagingLimit(null, { alreadyReached: 10 ** 9, alertWouldAdd: 10 ** 6 })).toBe(
      false,
    );
    expect(exceedsMessagingLimit(250, { alreadyReached: 900, alertWouldAdd: 0 })).toBe(false);
  });
});
