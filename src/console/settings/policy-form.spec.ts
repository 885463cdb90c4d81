import { describe, expect, it } from 'vitest';
import { governanceModel } from '../../channels/governance-models.js';
import { describePolicy, parsePolicyForm, policyFormValues } from './policy-form.js';

const modelA = governanceModel('a')!.policy;

describe('the policy form', () => {
  it('round-trips a model: its form values parse back to the same policy', () => {
    const values = policyFormValues(modelA);
    const { policy, problems } = parsePolicyForm({ ...values });
    expect(problems).toEqual([]);
    expect(policy).toEqual(modelA);
  });

  it('drops quiet hours when the admin chooses none, whatever the times say', () => {
    const values = { ...policyFormValues(modelA), quietHours: 'no', quietStart: 'junk' };
    expect(parsePolicyForm(values).policy?.quietHours).toBeNull();
  });

  it('names every field that is wrong, in the order of the form', () => {
    const { policy, problems } = parsePolicyForm({
      approvalsRequired: '4',
      approverRoles: 'officer',
      quietHours: 'yes',
      quietStart: '9pm',
      quietEnd: '08:00',
      timeZone: 'Mars/Olympus',
      allowedContentKinds: 'video',
      inboundRetentionDays: '0',
    });
    expect(policy).toBeUndefined();
    expect(problems.map((problem) => problem.href)).toEqual([
      '#approvalsRequired',
      '#approverRoles',
      '#quietStart',
      '#timeZone',
      '#emergencyBypassesQuietHours',
      '#emergencyPath',
      '#allowedContentKinds',
      '#inboundRetentionDays',
    ]);
  });

  it('reads the emergency path: on-call people and review hours only when it is chosen', () => {
    const base = { ...policyFormValues(modelA), emergencyBypassesQuietHours: 'yes' };
    const on = parsePolicyForm({
      ...base,
      approvalsRequired: '2',
      emergencyPath: 'yes',
      onCallApproverIds: ['0b8f1c52-3b1e-4c63-9a53-6f1d2f3a4b5c', 'not-an-id'],
      retrospectiveReviewHours: '6',
    });
    expect(on.problems).toEqual([]);
    expect(on.policy?.emergency).toEqual({
      singleApproval: true,
      onCallApproverIds: ['0b8f1c52-3b1e-4c63-9a53-6f1d2f3a4b5c'],
      retrospectiveReviewHours: 6,
    });
    const off = parsePolicyForm({ ...base, emergencyPath: 'no', retrospectiveReviewHours: 'x' });
    expect(off.problems).toEqual([]);
    expect(off.policy?.emergency).toBeNull();
    const wrong = parsePolicyForm({
      ...base,
      emergencyPath: 'yes',
      onCallApproverIds: [],
      retrospectiveReviewHours: '73',
    });
    expect(wrong.problems.map((problem) => problem.href)).toEqual([
      '#onCallApproverIds',
      '#retrospectiveReviewHours',
    ]);
  });

  it('describes a policy in plain words', () => {
    const rows = describePolicy(governanceModel('c')!.policy, 'service');
    const value = (key: string) => rows.find((row) => row.key === key)?.value;
    expect(value('Who may sign off')).toBe("Comms approvers or managers of the channel's service");
    expect(value('Quiet hours')).toMatch(/^20:00 to 08:00 \(Europe\/London time\)/);
    expect(value('Emergencies in quiet hours')).toMatch(/^Wait/);
    expect(value("Residents' messages kept for")).toBe('7 days');
    const two = describePolicy({ ...modelA, approvalsRequired: 2, quietHours: null }, 'corporate');
    expect(two.find((row) => row.key === 'Approvals needed')?.value).toMatch(/^2 different people/);
    expect(two.find((row) => row.key === 'Quiet hours')?.value).toMatch(/^None/);
  });
});
