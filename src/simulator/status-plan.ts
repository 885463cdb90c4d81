export type StatusName = 'sent' | 'delivered' | 'read' | 'failed';

/**
 * Which statuses one accepted message gets and in what order their webhooks arrive. The two
 * differ on purpose: Meta may send an event twice and does not guarantee order, so receivers
 * must deduplicate and never let an older status overwrite a newer one.
 */
export interface StatusPlan {
  /** In the order they happen, so each one's timestamp is no earlier than the one before. */
  statuses: StatusName[];
  /** Indexes into `statuses` in the order their webhooks are sent; a duplicate appears twice. */
  arrivals: number[];
}

export interface StatusPlanOptions {
  /** The message is accepted but cannot be delivered: `sent`, then `failed`. */
  fails: boolean;
  duplicateRate: number;
  reorderRate: number;
}

/**
 * Draws a plan with `random` (like Math.random). One draw per message decides its disorder, so
 * exactly `reorderRate` of messages are affected: for a delivered message, the lower half of that
 * share is "delivered and read at once" (Meta then sends no `delivered`), the upper half has
 * `read` overtake `delivered`; for a failing one, `failed` overtakes `sent`. Then each webhook
 * is sent twice with probability `duplicateRate`.
 */
export function planStatuses(options: StatusPlanOptions, random: () => number): StatusPlan {
  // A rate of 0 draws nothing, so a test that scripts `random` for other faults is unaffected.
  const chance = (rate: number) => (rate > 0 ? random() : 1);
  const draw = chance(options.reorderRate);
  const disordered = draw < options.reorderRate;
  const readAtOnce = disordered && !options.fails && draw < options.reorderRate / 2;
  const statuses: StatusName[] = options.fails
    ? ['sent', 'failed']
    : readAtOnce
      ? ['sent', 'read']
      : ['sent', 'delivered', 'read'];
  const order = statuses.map((_, index) => index);
  if (disordered && !readAtOnce) {
    // The last status overtakes the one before it.
    order.splice(-2, 2, order[order.length - 1], order[order.length - 2]);
  }
  const arrivals = order.flatMap((index) =>
    chance(options.duplicateRate) < options.duplicateRate ? [index, index] : [index],
  );
  return { statuses, arrivals };
}
