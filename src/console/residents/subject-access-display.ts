import type { ErasureView, SubjectAccessView } from '../../residents/dto/privacy.dto.js';
import { ukDateTime24 } from '../uk-dates.js';

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
    generatedAt: ukDateTime24(bundle.generatedAt),
    subscriber: subscriber && [
      { key: 'Status', value: STATUS_TEXT[subscriber.status] ?? subscriber.status },
      { key: 'Areas', value: list(subscriber.areas) },
      { key: 'Topics', value: list(subscriber.topics) },
      { key: 'Privacy notice version', value: subscriber.privacyNoticeVersion ?? '–' },
      { key: 'Subscribed', value: ukDateTime24(subscriber.subscribedAt) },
      { key: 'Unsubscribed', value: ukDateTime24(subscriber.unsubscribedAt) },
      { key: 'Last message from them', value: ukDateTime24(subscriber.lastInboundAt) },
      { key: 'Record created', value: ukDateTime24(subscriber.createdAt) },
    ],
    consentRecords: bundle.consentRecords.map((record) => ({
      action: record.action.replace('_', ' '),
      source: record.source,
      evidence: describeObject(record.evidence),
      capturedAt: ukDateTime24(record.capturedAt),
    })),
    deliveries: bundle.deliveries.map((delivery) => ({
      purpose: delivery.purpose,
      message: delivery.messageId
        ? `${delivery.messageId} (version ${delivery.messageVersion ?? '–'})`
        : '–',
      status: delivery.status,
      createdAt: ukDateTime24(delivery.createdAt),
      failure: delivery.failure
        ? [delivery.failure.code, delivery.failure.reason].filter(Boolean).join(': ')
        : '',
      receipts: delivery.receipts.map((r) => `${r.status} ${ukDateTime24(r.occurredAt)}`),
    })),
    inboundMessages: bundle.inboundMessages.map((message) => ({
      kind: message.kind.replace('_', ' '),
      body: message.body ?? 'Deleted under the retention policy',
      receivedAt: ukDateTime24(message.receivedAt),
      // Unhandled messages wait in the channel's inbox for staff.
      handledBy: message.handledBy ?? 'Inbox',
    })),
    suppression: bundle.suppression && {
      reason: SUPPRESSION_REASONS[bundle.suppression.reason] ?? bundle.suppression.reason,
      since: ukDateTime24(bundle.suppression.since),
    },
    pendingOptIns: bundle.pendingOptIns.map((optIn) => ({
      area: optIn.area,
      topics: list(optIn.topics),
      requestedAt: ukDateTime24(optIn.requestedAt),
      expiresAt: ukDateTime24(optIn.expiresAt),
    })),
    joinConversation: bundle.joinConversation && [
      { key: 'Waiting for', value: bundle.joinConversation.step },
      { key: 'Area chosen', value: bundle.joinConversation.area ?? '–' },
      { key: 'Topics chosen', value: list(bundle.joinConversation.topics) },
      { key: 'Last message', value: ukDateTime24(bundle.joinConversation.updatedAt) },
      { key: 'Forgotten if unanswered', value: ukDateTime24(bundle.joinConversation.expiresAt) },
    ],
    auditEvents: bundle.auditEvents.map((event) => ({
      seq: event.seq,
      type: event.type,
      recordedAt: ukDateTime24(event.recordedAt),
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
