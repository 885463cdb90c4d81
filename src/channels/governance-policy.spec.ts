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
