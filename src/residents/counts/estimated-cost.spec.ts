import { describe, expect, it } from 'vitest';
import { estimatedCost } from './estimated-cost.js';

describe('estimatedCost', () => {
  const pricing = { currency: 'GBP', perMessage: 0.0158, example: false };

  it('prices one template message per resident, to the penny', () => {
    expect(estimatedCost(12_345, pricing)).toEqual({ ...pricing, total: 195.05 });
    expect(estimatedCost(0, pricing)).toMatchObject({ total: 0 });
  });

  it('gives no estimate when no price is configured', () => {
    expect(estimatedCost(100, null)).toBeNull();
  });
});
