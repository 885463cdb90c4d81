import { describe, expect, it } from 'vitest';
import type { GovernancePolicy } from '../../channels/governance-policy.js';
import { planDispatch } from './dispatch-plan.js';

const policy = (overrides: Partial<GovernancePolicy> = {}): GovernancePolicy => ({
  approvalsRequired: 1,
  approverRoles: ['comms_approver'],
  quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
  emergencyBypassesQuietHours: true,
  allowedContentKinds: ['template', 'text'],
  ...overrides,
});

const at = (iso: string) => new Date(iso);

// January: Europe/London is on GMT, so local time equals UTC.
const DAYTIME = at('2026-01-14T10:00:00Z');
const NIGHT = at('2026-01-14T23:00:00Z');
const MORNING_AFTER_NIGHT = at('2026-01-15T08:00:00Z');

describe('planDispatch', () => {
  it('sends a routine message now outside quiet hours', () => {
    expect(
      planDispatch({ now: DAYTIME, sendAt: null, priority: 'routine', policy: policy() }),
    ).toEqual({
      runAt: DAYTIME,
      later: false,
      heldForQuietHours: false,
      bypassedQuietHours: false,
    });
  });

  it('holds a routine message in quiet hours until they end', () => {
    expect(
      planDispatch({ now: NIGHT, sendAt: null, priority: 'routine', policy: policy() }),
    ).toEqual({
      runAt: MORNING_AFTER_NIGHT,
      later: true,
      heldForQuietHours: true,
      bypassedQuietHours: false,
    });
  });

  it('lets an emergency through quiet hours now when the policy allows it', () => {
    expect(
      planDispatch({
        now: NIGHT,
        sendAt: null,
        priority: 'emergency',
        policy: policy({ emergencyBypassesQuietHours: true }),
      }),
    ).toEqual({ runAt: NIGHT, later: false, heldForQuietHours: false, bypassedQuietHours: true });
  });

  it('holds an emergency in quiet hours when the policy does not let it through', () => {
    expect(
      planDispatch({
        now: NIGHT,
        sendAt: null,
        priority: 'emergency',
        policy: policy({ emergencyBypassesQuietHours: false }),
      }),
    ).toEqual({
      runAt: MORNING_AFTER_NIGHT,
      later: true,
      heldForQuietHours: true,
      bypassedQuietHours: false,
    });
  });

  it('does not count an emergency outside quiet hours as a bypass', () => {
    expect(
      planDispatch({ now: DAYTIME, sendAt: null, priority: 'emergency', policy: policy() }),
    ).toEqual({
      runAt: DAYTIME,
      later: false,
      heldForQuietHours: false,
      bypassedQuietHours: false,
    });
  });

  it('schedules a future send time outside quiet hours for that time', () => {
    const sendAt = at('2026-01-14T15:30:00Z');
    expect(planDispatch({ now: DAYTIME, sendAt, priority: 'routine', policy: policy() })).toEqual({
      runAt: sendAt,
      later: true,
      heldForQuietHours: false,
      bypassedQuietHours: false,
    });
  });

  it('moves a future send time inside quiet hours to their end', () => {
    const sendAt = at('2026-01-14T22:00:00Z');
    expect(planDispatch({ now: DAYTIME, sendAt, priority: 'routine', policy: policy() })).toEqual({
      runAt: MORNING_AFTER_NIGHT,
      later: true,
      heldForQuietHours: true,
      bypassedQuietHours: false,
    });
  });

  it('judges quiet hours at the send time, not at now', () => {
    // Approved at night for a send time the next afternoon: not held.
    const sendAt = at('2026-01-15T14:00:00Z');
    expect(planDispatch({ now: NIGHT, sendAt, priority: 'routine', policy: policy() })).toEqual({
      runAt: sendAt,
      later: true,
      heldForQuietHours: false,
      bypassedQuietHours: false,
    });
  });

  it('keeps an emergency future send time inside quiet hours when the policy lets it through', () => {
    const sendAt = at('2026-01-14T22:00:00Z');
    expect(planDispatch({ now: DAYTIME, sendAt, priority: 'emergency', policy: policy() })).toEqual(
      { runAt: sendAt, later: true, heldForQuietHours: false, bypassedQuietHours: true },
    );
  });

  it.each([
    ['a past send time', at('2026-01-14T09:59:30Z')],
    ['a send time equal to now', DAYTIME],
    ['no send time', null],
  ])('sends now for %s', (_, sendAt) => {
    expect(planDispatch({ now: DAYTIME, sendAt, priority: 'routine', policy: policy() })).toEqual({
      runAt: DAYTIME,
      later: false,
      heldForQuietHours: false,
      bypassedQuietHours: false,
    });
  });

  it('holds a past send time that falls in quiet hours by judging now', () => {
    // sendAt was 12:00 (not quiet), but now it is night: the message is held.
    const sendAt = at('2026-01-14T12:00:00Z');
    expect(planDispatch({ now: NIGHT, sendAt, priority: 'routine', policy: policy() })).toEqual({
      runAt: MORNING_AFTER_NIGHT,
      later: true,
      heldForQuietHours: true,
      bypassedQuietHours: false,
    });
  });

  it.each([
    ['now', null],
    ['at a future send time', at('2026-01-14T23:30:00Z')],
  ])('sends %s at any hour on a channel without quiet hours', (_, sendAt) => {
    const plan = planDispatch({
      now: NIGHT,
      sendAt,
      priority: 'routine',
      policy: policy({ quietHours: null }),
    });
    expect(plan).toEqual({
      runAt: sendAt ?? NIGHT,
      later: sendAt !== null,
      heldForQuietHours: false,
      bypassedQuietHours: false,
    });
  });

  it('holds across the spring clock change to 08:00 BST', () => {
    expect(
      planDispatch({
        now: at('2026-03-28T23:30:00Z'),
        sendAt: null,
        priority: 'routine',
        policy: policy(),
      }),
    ).toMatchObject({ runAt: at('2026-03-29T07:00:00Z'), later: true, heldForQuietHours: true });
  });

  it('holds across the autumn clock change to 08:00 GMT', () => {
    expect(
      planDispatch({
        now: at('2026-10-24T21:30:00Z'),
        sendAt: null,
        priority: 'routine',
        policy: policy(),
      }),
    ).toMatchObject({ runAt: at('2026-10-25T08:00:00Z'), later: true, heldForQuietHours: true });
  });
});
