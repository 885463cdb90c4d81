import { describe, expect, it } from 'vitest';
import { expiresAt, idleCutoff, isLive, needsTouch, sessionPolicy } from './session-lifetime.js';

const policy = sessionPolicy(30, 8);
const start = new Date('2026-11-02T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('console session lifetime', () => {
  const session = { lastSeenAt: start, expiresAt: expiresAt(start, policy) };

  it('ends 8 hours after sign-in however busy', () => {
    expect(session.expiresAt).toEqual(at(8 * 60));
    const busy = { ...session, lastSeenAt: at(8 * 60 - 1) };
    expect(isLive(busy, at(8 * 60 - 0.5), policy)).toBe(true);
    expect(isLive(busy, at(8 * 60), policy)).toBe(false);
  });

  it('ends after 30 minutes unused', () => {
    expect(isLive(session, at(29), policy)).toBe(true);
    expect(isLive(session, at(30), policy)).toBe(false);
    expect(idleCutoff(at(30), policy)).toEqual(start);
  });

  it('moves last_seen_at on at most once a minute', () => {
    expect(needsTouch(session, at(0.5))).toBe(false);
    expect(needsTouch(session, at(1))).toBe(true);
  });
});
