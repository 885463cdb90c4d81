import type { ErasureView, SubjectAccessView } from '../../residents/dto/privacy.dto.js';

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A time as a council officer reads it: UK time, `1 May 2024 at 10:30`; a dash when absent. */
export function ukDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(LONDON.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

const list = (codes: string[]): string => (codes.length ? codes.join(', ') : 'none');

/** Evidence and audit data as short `key: value` lines, for a table cell. */
export function describeObject(value: Record<string, unknown> | null | undefined): string[] {
  if (!value) return [];
  return Object.entries(value).map(
    ([key, item]) =>
      `${key}: ${typeof item === 'string' ? item : item === null ? '–' : JSON.stringify(item)}`,
  );
}

export const STATUS_TEXT: Record<string, string> = {
  pending: 'Pending',
  active: 'Subscribed',
  unsubscribed: 'Unsubscribed',
};

const SUPPRESSION_REASONS: Record<string, string> = {
  stop: 'They sent STOP',
  provider_stopped: 'They stopped the council’s messages in WhatsApp',
  blocked: 'They blocked the council’s number',
  erased: 'Their data was erased',
};

/** The subject access bundle as the page shows it: every section, in plain words. */
export function subjectAccessSections(bundle: SubjectAccessView) {
  const subscriber = bundle.subscriber;
  return {
    phone: bundle.phone,
    generatedAt: ukDateTime(bundle.generatedAt),
    subscriber: subscriber && [
      { key: 'Status', value: STATUS_TEXT[subscriber.status] ?? subscriber.status },
      { key: 'Areas', value: list(subscriber.areas) },
      { key: 'Topics', value: list(subscriber.topics) },
      { key: 'Privacy notice version', value: subscriber.privacyNoticeVersion ?? '–' },
      { key: 'Subscribed', value: ukDateTime(subscriber.subscribedAt) },
      { key: 'Unsubscribed', value: ukDateTime(subscriber.unsubscribedAt) },
      { key: 'Last message from them', value: ukDateTime(subscriber.lastInboundAt) },
      { key: 'Record created', value: ukDateTime(subscriber.createdAt) },
    ],
    consentRecords: bundle.consentRecords.map((record) => ({
      action: record.action.replace('_', ' '),
      source: record.source,
      evidence: describeObject(record.evidence),
      capturedAt: ukDateTime(record.capturedAt),
    })),
    deliveries: bundle.deliveries.map((delivery) => ({
      purpose: delivery.purpose,
      message: delivery.messageId
        ? `${delivery.messageId} (version ${delivery.messageVersion ?? '–'})`
        : '–',
      status: delivery.status,
      createdAt: ukDateTime(delivery.createdAt),
      failure: delivery.failure
        ? [delivery.failure.code, delivery.failure.reason].filter(Boolean).join(': ')
        : '',
      receipts: delivery.receipts.map((r) => `${r.status} ${ukDateTime(r.occurredAt)}`),
    })),
    inboundMessages: bundle.inboundMessages.map((message) => ({
      kind: message.kind.replace('_', ' '),
      body: message.body ?? 'Deleted under the retention policy',
      receivedAt: ukDateTime(message.receivedAt),
      // Unhandled messages wait in the channel's inbox for staff.
      handledBy: message.handledBy ?? 'Inbox',
    })),
    suppression: bundle.suppression && {
      reason: SUPPRESSION_REASONS[bundle.suppression.reason] ?? bundle.suppression.reason,
      since: ukDateTime(bundle.suppression.since),
    },
    pendingOptIns: bundle.pendingOptIns.map((optIn) => ({
      area: optIn.area,
      topics: list(optIn.topics),
      requestedAt: ukDateTime(optIn.requestedAt),
      expiresAt: ukDateTime(optIn.expiresAt),
    })),
    joinConversation: bundle.joinConversation && [
      { key: 'Waiting for', value: bundle.joinConversation.step },
      { key: 'Area chosen', value: bundle.joinConversation.area ?? '–' },
      { key: 'Topics chosen', value: list(bundle.joinConversation.topics) },
      { key: 'Last message', value: ukDateTime(bundle.joinConversation.updatedAt) },
      { key: 'Forgotten if unanswered', value: ukDateTime(bundle.joinConversation.expiresAt) },
    ],
    auditEvents: bundle.auditEvents.map((event) => ({
      seq: event.seq,
      type: event.type,
      recordedAt: ukDateTime(event.recordedAt),
      data: describeObject(event.data),
    })),
  };
}

/** What erasure removed, as rows of a summary list. */
export function erasureRows(result: ErasureView) {
  return [
    { key: 'Subscriber record', value: result.subscriberDeleted ? 'Deleted' : 'There was none' },
    { key: 'Consent records deleted', value: String(result.consentRecordsDeleted) },
    { key: 'Messages from them deleted', value: String(result.inboundMessagesDeleted) },
    {
      key: 'Deliveries with the number removed',
      value: `${result.deliveriesRedacted} (kept, without the number, so alert counts still add up)`,
    },
    { key: 'Sign-ups not yet confirmed deleted', value: String(result.pendingOptInsDeleted) },
    {
      key: 'Never messaged again',
      value: result.suppressed ? 'Yes, unless they sign up again themselves' : 'No',
    },
  ];
}
