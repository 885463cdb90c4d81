/** How long an admin has to confirm a report before the list must be uploaded afresh. */
export const REPORT_VALID_MS = 24 * 60 * 60_000;
/** "Monthly": a reconciliation is due this long after the last confirmed one. */
export const RECONCILIATION_INTERVAL_DAYS = 30;

const DAY_MS = 24 * 60 * 60_000;

export interface ReconciliationDue {
  lastConfirmedAt: Date | null;
  /** Null when none was ever confirmed: it is due now. */
  dueBy: Date | null;
  overdue: boolean;
}

export function reconciliationDue(lastConfirmedAt: Date | null, now: Date): ReconciliationDue {
  if (!lastConfirmedAt) return { lastConfirmedAt: null, dueBy: null, overdue: true };
  const dueBy = new Date(lastConfirmedAt.getTime() + RECONCILIATION_INTERVAL_DAYS * DAY_MS);
  return { lastConfirmedAt, dueBy, overdue: now.getTime() > dueBy.getTime() };
}
