const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Receipts Meta reported for a message id Crier never stored (a crash between the send and
 * storing its id, or a callback for another system's number) are kept this long for a late
 * match, then dropped.
 */
export const UNMATCHED_RECEIPT_DAYS = 7;

/** The instant before which something kept for `days` days is due for deletion. */
export function cutoff(now: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`retention days must be >= 1`);
  return new Date(now.getTime() - days * DAY_MS);
}

export interface ChannelRetention {
  channelId: string;
  inboundRetentionDays: number;
}

/** Each channel's own cut-off for residents' message text. */
export function inboundCutoffs(
  now: Date,
  channels: ChannelRetention[],
): { channelId: string; before: Date }[] {
  return channels.map((channel) => ({
    channelId: channel.channelId,
    before: cutoff(now, channel.inboundRetentionDays),
  }));
}

/**
 * Callbacks stuck in the webhook inbox are sealed, so which channel each belongs to is unknown
 * without opening it. They wait for the longest channel retention: a person may still need one
 * to find out why it failed, and none outlives every channel's period.
 */
export function stuckCallbackCutoff(
  now: Date,
  channels: ChannelRetention[],
  withoutChannelsDays: number,
): Date {
  const days = channels.map((channel) => channel.inboundRetentionDays);
  return cutoff(now, days.length === 0 ? withoutChannelsDays : Math.max(...days));
}
