/** Whether an alert fits within the portfolio's messaging limit (null: unlimited). */
export function exceedsMessagingLimit(
  limit: number | null,
  reach: { alreadyReached: number; alertWouldAdd: number },
): boolean {
  return (
    limit !== null && reach.alertWouldAdd > 0 && reach.alreadyReached + reach.alertWouldAdd > limit
  );
}
