/** Where one send to one person has got to. */
export type DeliveryStatus =
  | 'queued'
  | 'sending'
  | 'accepted'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'failed'
  | 'skipped'
  | 'cancelled';
export type ReceiptStatus = 'sent' | 'delivered' | 'read' | 'failed';

export const RECEIPT_STATUSES: readonly ReceiptStatus[] = ['sent', 'delivered', 'read', 'failed'];

/** One status callback from the provider: at most one per (message id, status). */
export interface Receipt {
  status: ReceiptStatus;
  occurredAt: Date;
  errorCode: string | null;
  errorTitle: string | null;
}

export interface DeliveryProgress {
  status: DeliveryStatus;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  failureCode: string | null;
  failureReason: string | null;
}

/**
 * A delivery's progress from all its receipts so far, whatever order they came in: so a late
 * `delivered` never overwrites `read`, and a duplicate changes nothing. Read beats delivered
 * beats failed beats sent: a message shown as delivered or read was not lost, whatever a stray
 * failure says. Meta sends no `delivered` when a message is delivered and read at once, so a
 * read message counts as delivered when it was read.
 */
export function progressFromReceipts(
  current: DeliveryProgress,
  receipts: readonly Receipt[],
): DeliveryProgress {
  const at = (status: ReceiptStatus) =>
    receipts.find((receipt) => receipt.status === status)?.occurredAt ?? null;
  const failed = receipts.find((receipt) => receipt.status === 'failed');
  const readAt = at('read') ?? current.readAt;
  const deliveredAt = at('delivered') ?? current.deliveredAt ?? readAt;
  const sentAt = at('sent') ?? current.sentAt ?? deliveredAt;
  const failedAt = failed?.occurredAt ?? current.failedAt;

  let status: DeliveryStatus = current.status;
  if (readAt) status = 'read';
  else if (deliveredAt) status = 'delivered';
  else if (failedAt) status = 'failed';
  else if (sentAt) status = 'sent';

  return {
    status,
    sentAt,
    deliveredAt,
    readAt,
    failedAt,
    failureCode: failed?.errorCode ?? current.failureCode,
    failureReason: failed ? (failed.errorTitle ?? 'Delivery failed') : current.failureReason,
  };
}

export interface DeliveryCounts {
  recipients: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  notSent: number;
}

/**
 * A message's progress: `frozen.total` is how many residents it was frozen to and `taken` how
 * many of those positions workers have taken (each taken position has a delivery row unless the
 * resident was erased meanwhile), with the delivery rows counted by status.
 */
export function deliveryCounts(
  frozen: { total: number; taken: number; cancelled: boolean },
  byStatus: Partial<Record<DeliveryStatus, number>>,
): DeliveryCounts {
  const n = (...statuses: DeliveryStatus[]) =>
    statuses.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
  // Once a message is cancelled, the positions nobody took will never be sent.
  const untaken = frozen.cancelled ? 0 : frozen.total - frozen.taken;
  const queued = untaken + n('queued', 'sending');
  const sent = n('accepted', 'sent', 'delivered', 'read');
  const failed = n('failed');
  return {
    recipients: frozen.total,
    queued,
    sent,
    delivered: n('delivered', 'read'),
    read: n('read'),
    failed,
    notSent: frozen.total - queued - sent - failed,
  };
}
