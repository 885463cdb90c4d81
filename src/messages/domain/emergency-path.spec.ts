import { describe, expect, it } from 'vitest';
import type { GovernancePolicy } from '../../channels/governance-policy.js';
import { approvalRequirement, retrospectiveReviewDue } from './emergency-path.js';

const ON_CALL = 'on-call-approver';
const OTHER = 'other-approver';
const AUTHOR = 'author';

const policy = (overrides: Partial<GovernancePolicy> = {}): GovernancePolicy => ({
  approvalsRequired: 2,
  approverRoles: ['comms_approver'],
  quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
  emergencyBypassesQuietHours: true,
  allowedContentKinds: ['template', 'text'],
  emergency: { singleApproval: true, onCallApproverIds: [ON_CALL], retrospectiveReviewHours: 4 },
  ...overrides,
});

const requirement = (overrides: Partial<Parameters<typeof approvalRequirement>[0]> = {}) =>
  approvalRequirement({
    policy: policy(),
    priority: 'emergency',
    approverId: ON_CALL,
    editors: [AUTHOR],
    approvals: 1,
    ...overrides,
  });

describe('approvalRequirement', () => {
  it('lets one on-call approval send an emergency, owing a retrospective review', () => {
    expect(requirement()).toEqual({ approvalsRequired: 1, emergencyPath: true });
  });

  it('needs the usual count for an approver who is not on call', () => {
    expect(requirement({ approverId: OTHER })).toEqual({
      approvalsRequired: 2,
      emergencyPath: false,
    });
  });

  it('needs the usual count for a routine message, even from the on-call approver', () => {
    expect(requirement({ priority: 'routine' })).toEqual({
      approvalsRequired: 2,
      emergencyPath: false,
    });
  });

  it('never lets an on-call approver who wrote or edited the message send it alone', () => {
    expect(requirement({ editors: [AUTHOR, ON_CALL] }).emergencyPath).toBe(false);
  });

  it('keeps the usual rule on policies without the emergency path or with it switched off', () => {
    expect(requirement({ policy: policy({ emergency: undefined }) }).approvalsRequired).toBe(2);
    expect(requirement({ policy: policy({ emergency: null }) }).approvalsRequired).toBe(2);
    const off = {
      singleApproval: false,
      onCallApproverIds: [ON_CALL],
      retrospectiveReviewHours: 4,
    };
    expect(requirement({ policy: policy({ emergency: off }) }).emergencyPath).toBe(false);
  });

  it('owes no retrospective review when the usual count is reached anyway', () => {
    expect(requirement({ approvals: 2 })).toEqual({ approvalsRequired: 2, emergencyPath: false });
  });
});

describe('retrospectiveReviewDue', () => {
  it('is the policy’s hours after the approval', () => {
    const due = retrospectiveReviewDue(policy(), new Date('2026-01-10T22:15:00Z'));
    expect(due.toISOString()).toBe('2026-01-11T02:15:00.000Z');
  });

  it('refuses a policy without an emergency path', () => {
    expect(() => retrospectiveReviewDue(policy({ emergency: null }), new Date())).toThrow();
  });
});
