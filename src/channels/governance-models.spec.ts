import { describe, expect, it } from 'vitest';
import { GOVERNANCE_MODELS, governanceModel } from './governance-models.js';
import { policyProblems } from './governance-policy.js';

describe('the governance models', () => {
  it('are A, B and C, found by id', () => {
    expect(GOVERNANCE_MODELS.map((model) => model.id)).toEqual(['a', 'b', 'c']);
    expect(governanceModel('b')?.policy.approverRoles).toEqual(['service_manager']);
    expect(governanceModel('z')).toBeUndefined();
  });

  it('are each a valid policy on the kinds of channel they suit, and only those', () => {
    for (const model of GOVERNANCE_MODELS) {
      for (const kind of ['corporate', 'service'] as const) {
        expect(policyProblems(model.policy, kind).length === 0).toBe(model.suits.includes(kind));
      }
    }
  });
});
