import type { DeliveryCounts } from '../../deliveries/delivery-progress.js';
import type { MessageStatus } from '../../messages/domain/message-status.js';
import { statusTag } from '../status-tags.js';
import { failureMeaning } from './failure-reasons.js';
import { funnelChart, funnelRows, type FunnelPointInput, STAGES } from './funnel-chart.js';

/** What the page needs from MessageQueryService.get and .deliveryReport. */
export interface DeliveryPageInput {
  id: string;
  status: MessageStatus;
  delivery: DeliveryCounts;
  intervalSeconds: number;
  funnel: readonly FunnelPointInput[];
  failures: readonly { code: string | null; reason: string | null; count: number }[];
}

/**
 * How soon the page should look again: every 2 seconds while it sends (or is about to), every
 * 30 while it waits for its time; every 15 once it is sent while some of its sends are not yet
 * read, since receipts keep coming after the last send; never once it is cancelled, not yet
 * approved, or read by everyone.
 */
export function pollAfterSeconds(
  status: MessageStatus,
  delivery?: Pick<DeliveryCounts, 'sent' | 'read'>,
): number | null {
  if (status === 'sending' || status === 'approved') return 2;
  if (status === 'scheduled') return 30;
  if (status === 'sent' && delivery && delivery.read < delivery.sent) {
    return RECEIPTS_POLL_SECONDS;
  }
  return null;
}

/** After the last send, receipts come in over minutes and hours: a slower look suffices. */
export const RECEIPTS_POLL_SECONDS = 15;

/** Scheduled or sending: there are sends left to cancel. */
export const hasSendsToCancel = (status: MessageStatus): boolean =>
  status === 'scheduled' || status === 'sending';

const FIGURES: readonly { key: keyof DeliveryCounts; label: string }[] = [
  { key: 'recipients', label: 'People it is going to' },
  { key: 'queued', label: 'Waiting to send' },
  { key: 'sent', label: 'Sent to WhatsApp' },
  { key: 'delivered', label: 'Delivered to the phone' },
  { key: 'read', label: 'Read' },
  { key: 'failed', label: 'Failed' },
  { key: 'notSent', label: 'Not sent (stopped or cancelled)' },
];

/** Sends that are over, one way or another: sent, failed or not sent. */
export function progressOf(delivery: DeliveryCounts) {
  const done = delivery.sent + delivery.failed + delivery.notSent;
  const total = delivery.recipients;
  const percent = total === 0 ? 0 : Math.floor((done / total) * 100);
  const text =
    total === 0
      ? 'No recipients yet. The audience is fixed when sending starts.'
      : `${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} sends done (${percent}%)`;
  return { done, total, percent, text };
}

/**
 * Everything the delivery page shows, as data: the page renders it, and the JSON route hands
 * the same object to the page's script, so the two can never disagree.
 */
export function deliveryPageModel(input: DeliveryPageInput) {
  const { delivery } = input;
  return {
    id: input.id,
    status: input.status,
    statusTag: statusTag(input.status),
    pollAfterSeconds: pollAfterSeconds(input.status, delivery),
    finished: input.status === 'sent' || input.status === 'cancelled',
    cancellable: hasSendsToCancel(input.status),
    delivery,
    progress: progressOf(delivery),
    figures: FIGURES.map(({ key, label }) => ({ key, label, value: delivery[key] })),
    intervalSeconds: input.intervalSeconds,
    funnel: input.funnel,
    legend: STAGES,
    chart: funnelChart(input.funnel, input.intervalSeconds, delivery.recipients),
    funnelRows: funnelRows(input.funnel, input.intervalSeconds),
    failures: input.failures.map((group) => ({
      code: group.code ?? 'None',
      meaning: failureMeaning(group.code, group.reason),
      count: group.count,
    })),
  };
}

export type DeliveryPageModel = ReturnType<typeof deliveryPageModel>;
