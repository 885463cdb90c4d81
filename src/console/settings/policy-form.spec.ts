import { describe, expect, it } from 'vitest';
import { governanceModel } from '../../channels/governance-models.js';
import { describePolicy, parsePolicyForm, policyFormValues } from './policy-form.js';

const modelA = governanceModel('a')!.policy;

describe('the policy form', () => {
  it('round-trips a model: its form values parse back to the same policy', () => {
    const values = policyFormValues(modelA);
    const { policy, problems } = parsePolicyForm({ ...values });
    expect(problems).toEqual([]);
    // The form leaves the emergency path alone (the page keeps the channel's own).
    const { emergency: _emergency, ...formFields } = modelA;
    expect(policy).toEqual(formFields);
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
      '#allowedContentKinds',
      '#inboundRetentionDays',
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
