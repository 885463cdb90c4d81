import { describe, expect, it } from 'vitest';
import { type GovernancePolicy, policyProblems } from './governance-policy.js';

const policy = (overrides: Partial<GovernancePolicy> = {}): GovernancePolicy => ({
  approvalsRequired: 1,
  approverRoles: ['comms_approver'],
  quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
  emergencyBypassesQuietHours: true,
  allowedContentKinds: ['template', 'text'],
  ...overrides,
});

describe('policyProblems', () => {
  it('finds nothing wrong with a sound policy on either kind of channel', () => {
    expect(policyProblems(policy(), 'corporate')).toEqual([]);
    expect(policyProblems(policy(), 'service')).toEqual([]);
    expect(policyProblems(policy({ quietHours: null }), 'corporate')).toEqual([]);
  });

  it('lets service managers approve on a service channel', () => {
    expect(
      policyProblems(policy({ approverRoles: ['service_manager', 'comms_approver'] }), 'service'),
    ).toEqual([]);
    expect(policyProblems(policy({ approverRoles: ['service_manager'] }), 'service')).toEqual([]);
  });

  it.each<{ approverRoles: GovernancePolicy['approverRoles'] }>([
    { approverRoles: ['service_manager'] },
    { approverRoles: ['comms_approver', 'service_manager'] },
  ])(
    'refuses service_manager as an approver on the corporate channel ($approverRoles)',
    ({ approverRoles }) => {
      const problems = policyProblems(policy({ approverRoles }), 'corporate');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/corporate.*service_manager/);
    },
  );

  it('refuses quiet hours that start and end at the same time', () => {
    const problems = policyProblems(
      policy({ quietHours: { start: '08:00', end: '08:00', timeZone: 'Europe/London' } }),
      'service',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/quiet hours/);
  });

  it('accepts quiet hours within one day as well as over midnight', () => {
    const quietHours = { start: '12:00', end: '14:00', timeZone: 'Europe/London' };
    expect(policyProblems(policy({ quietHours }), 'service')).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = policyProblems(
      policy({
        approverRoles: ['service_manager'],
        quietHours: { start: '22:00', end: '22:00', timeZone: 'Europe/London' },
      }),
      'corporate',
    );
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/service_manager/);
    expect(problems.join('\n')).toMatch(/quiet hours/);
  });
});

describe('policyProblems: the emergency path', () => {
  const ON_CALL = '6f1d3a56-1f33-4c70-9a57-2f4a5d0c9e11';
  const emergency = {
    singleApproval: true,
    onCallApproverIds: [ON_CALL],
    retrospectiveReviewHours: 4,
  };

  it('accepts a single on-call approval on a policy that otherwise needs two', () => {
    expect(policyProblems(policy({ approvalsRequired: 2, emergency }), 'corporate')).toEqual([]);
  });

  it('keeps policies without an emergency section, or with it switched off, as they were', () => {
    expect(policyProblems(policy({ emergency: null }), 'corporate')).toEqual([]);
    const off = { ...emergency, singleApproval: false, onCallApproverIds: [] };
    expect(policyProblems(policy({ emergency: off }), 'corporate')).toEqual([]);
  });

  it('refuses it where one approval is already the rule', () => {
    expect(policyProblems(policy({ approvalsRequired: 1, emergency }), 'corporate')).toEqual([
      expect.stringMatching(/approvalsRequired is 2 or 3/),
    ]);
  });

  it('refuses it unless emergencies may go out in quiet hours', () => {
    const problems = policyProblems(
      policy({ approvalsRequired: 2, emergencyBypassesQuietHours: false, emergency }),
      'corporate',
    );
    expect(problems).toEqual([expect.stringMatching(/emergencyBypassesQuietHours must be true/)]);
  });

  it('refuses it with nobody on call', () => {
    const problems = policyProblems(
      policy({ approvalsRequired: 2, emergency: { ...emergency, onCallApproverIds: [] } }),
      'corporate',
    );
    expect(problems).toEqual([expect.stringMatching(/on-call approver/)]);
  });
});
