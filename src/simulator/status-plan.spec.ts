import { describe, expect, it } from 'vitest';
import { planStatuses, type StatusPlan, type StatusPlanOptions } from './status-plan.js';

/** A `random` that returns these draws in turn, then fails the test if asked for more. */
function draws(...values: number[]): () => number {
  return () => {
    const value = values.shift();
    if (value === undefined) throw new Error('planStatuses drew more numbers than expected');
    return value;
  };
}

const arrivalOrder = (plan: StatusPlan) => plan.arrivals.map((index) => plan.statuses[index]);
const calm: StatusPlanOptions = { fails: false, duplicateRate: 0, reorderRate: 0 };

describe('planStatuses', () => {
  it('reports sent, delivered, read once each and in order when nothing goes wrong', () => {
    // No draws at all: rates of 0 leave a scripted `random` to the other faults.
    const plan = planStatuses(calm, draws());
    expect(plan).toEqual({ statuses: ['sent', 'delivered', 'read'], arrivals: [0, 1, 2] });
  });

  it('reports sent then failed for a message that cannot be delivered', () => {
    const plan = planStatuses({ ...calm, fails: true }, draws());
    expect(plan).toEqual({ statuses: ['sent', 'failed'], arrivals: [0, 1] });
  });

  it('lets read overtake delivered in the upper half of the reorder share', () => {
    const plan = planStatuses({ ...calm, reorderRate: 0.02 }, draws(0.015));
    // They still happen in order (timestamps), but arrive out of it.
    expect(plan.statuses).toEqual(['sent', 'delivered', 'read']);
    expect(arrivalOrder(plan)).toEqual(['sent', 'read', 'delivered']);
  });

  it('sends no delivered at all in the lower half: delivered and read at once', () => {
    const plan = planStatuses({ ...calm, reorderRate: 0.02 }, draws(0.005));
    expect(plan.statuses).toEqual(['sent', 'read']);
    expect(arrivalOrder(plan)).toEqual(['sent', 'read']);
  });

  it('lets failed overtake sent when a failing message is disordered', () => {
    const plan = planStatuses({ ...calm, fails: true, reorderRate: 1 }, draws(0.1));
    expect(plan.statuses).toEqual(['sent', 'failed']);
    expect(arrivalOrder(plan)).toEqual(['failed', 'sent']);
  });

  it('disorders exactly the reorder share of messages', () => {
    const orderOf = (draw: number) =>
      arrivalOrder(planStatuses({ ...calm, reorderRate: 0.02 }, draws(draw)));
    expect(orderOf(0.02)).toEqual(['sent', 'delivered', 'read']);
    expect(orderOf(0.5)).toEqual(['sent', 'delivered', 'read']);
    expect(orderOf(0.0199)).toEqual(['sent', 'read', 'delivered']);
  });

  it('sends each webhook twice, right after itself, with probability duplicateRate', () => {
    const plan = planStatuses({ ...calm, duplicateRate: 0.5 }, draws(0.1, 0.9, 0.4));
    expect(arrivalOrder(plan)).toEqual(['sent', 'sent', 'delivered', 'read', 'read']);
    const always = planStatuses({ ...calm, fails: true, duplicateRate: 1 }, draws(0.99, 0));
    expect(arrivalOrder(always)).toEqual(['sent', 'sent', 'failed', 'failed']);
  });

  it('duplicates and reorders together', () => {
    const plan = planStatuses({ fails: false, duplicateRate: 1, reorderRate: 1 }, () => 0.75);
    expect(arrivalOrder(plan)).toEqual(['sent', 'sent', 'read', 'read', 'delivered', 'delivered']);
  });
});
