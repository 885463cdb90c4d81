import type { ReconciliationView } from '../../residents/reconciliation/reconciliation.dto.js';
import { ukDateTime24 } from '../uk-dates.js';

export interface ReconciliationRow {
  id: string;
  uploaded: string;
  listed: number;
  invalidCount: number;
  activeSubscribers: number;
  toUnsubscribe: number;
  /** `govukTag` text and colour class. */
  status: { text: string; classes: string };
  /** What happened or what is still to happen, in a sentence. */
  outcome: string;
  /** Another admin may still confirm it. */
  confirmable: boolean;
}

/** A reconciliation as a row of the list: its state in words, and whether it can be confirmed. */
export function reconciliationRows(items: ReconciliationView[], now: Date): ReconciliationRow[] {
  return items.map((item) => {
    const expired = new Date(item.expiresAt).getTime() <= now.getTime();
    const base = {
      id: item.id,
      uploaded: ukDateTime24(item.createdAt),
      listed: item.listed,
      invalidCount: item.invalidCount,
      activeSubscribers: item.activeSubscribers,
      toUnsubscribe: item.toUnsubscribe,
    };
    if (item.confirmedAt) {
      return {
        ...base,
        status: { text: 'Confirmed', classes: 'govuk-tag--green' },
        outcome: `Confirmed ${ukDateTime24(item.confirmedAt)}: ${item.unsubscribed ?? 0} unsubscribed.`,
        confirmable: false,
      };
    }
    if (expired) {
      return {
        ...base,
        status: { text: 'Expired', classes: 'govuk-tag--grey' },
        outcome: `Not confirmed by ${ukDateTime24(item.expiresAt)}. Nobody was unsubscribed.`,
        confirmable: false,
      };
    }
    return {
      ...base,
      status: { text: 'Waiting for a second admin', classes: 'govuk-tag--blue' },
      outcome: `Another admin must confirm by ${ukDateTime24(item.expiresAt)}.`,
      confirmable: true,
    };
  });
}

/** When the next check is due, in a sentence; `overdue` says whether to warn. */
export function dueText(list: { dueBy: string | null; overdue: boolean }): string {
  if (!list.dueBy) return 'No check has been confirmed yet, so one is due now.';
  return list.overdue
    ? `A check is overdue: it was due by ${ukDateTime24(list.dueBy)}.`
    : `The next check is due by ${ukDateTime24(list.dueBy)}.`;
}
