import { describe, expect, it } from 'vitest';
import type { GovernancePolicy } from '../../channels/governance-policy.js';
import { quietHoursWarning } from './quiet-hours-warning.js';

const policy = (emergencyBypassesQuietHours: boolean): GovernancePolicy => ({
  approvalsRequired: 1,
  approverRoles: ['comms_approver'],
  quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
  emergencyBypassesQuietHours,
  allowedContentKinds: ['template', 'text'],
});
const channel = { name: 'Council', policy: policy(true) };
// 10pm in London, in winter (GMT).
const night = new Date('2030-01-15T22:00:00Z');

describe('the quiet-hours warning', () => {
  it('warns that a routine message due in quiet hours is held until they end', () => {
    expect(quietHoursWarning({ channel, sendAt: null, priority: 'routine', now: night })).toBe(
      'Routine messages are held during Council’s quiet hours (21:00 to 08:00). If it is approved in time, this message will be sent on Wednesday 16 January 2030 at 8am, when they end.',
    );
    const day = new Date('2030-01-15T12:00:00Z');
    expect(
      quietHoursWarning({ channel, sendAt: '2030-01-16T05:00:00Z', priority: 'routine', now: day }),
    ).toMatch(/Wednesday 16 January 2030 at 8am/);
  });

  it('says nothing outside quiet hours, or for an emergency the policy lets through', () => {
    const day = new Date('2030-01-15T12:00:00Z');
    expect(quietHoursWarning({ channel, sendAt: null, priority: 'routine', now: day })).toBeNull();
    expect(
      quietHoursWarning({ channel, sendAt: null, priority: 'emergency', now: night }),
    ).toBeNull();
    expect(
      quietHoursWarning({
        channel: { ...channel, policy: { ...policy(true), quietHours: null } },
        sendAt: null,
        priority: 'routine',
        now: night,
      }),
    ).toBeNull();
  });

  it('warns about an emergency when the channel holds those too', () => {
    const strict = { name: 'Youth', policy: policy(false) };
    expect(
      quietHoursWarning({ channel: strict, sendAt: null, priority: 'emergency', now: night }),
    ).toMatch(/^This channel holds even emergency messages during Youth’s quiet hours/);
  });
});
