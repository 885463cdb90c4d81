import type { ReceiptStatus } from '../../deliveries/delivery-progress.js';
import { RECEIPT_STATUSES } from '../../deliveries/delivery-progress.js';

/** A status callback: what became of a message Crier sent. */
export interface StatusCallback {
  phoneNumberId: string;
  providerMessageId: string;
  status: ReceiptStatus;
  occurredAt: Date;
  errorCode: string | null;
  errorTitle: string | null;
  /** Crier's delivery id, echoed from the send's biz_opaque_callback_data. */
  deliveryId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type InboundKind = 'text' | 'button_reply' | 'list_reply' | 'quick_reply' | 'other';

/** A resident's message or tap, as Meta reported it. */
export interface InboundCallback {
  phoneNumberId: string;
  providerMessageId: string;
  fromWaId: string;
  sentAt: Date;
  kind: InboundKind;
  /** The text written, or the title of the button or row tapped. */
  body: string | null;
  /** The id of the button or row tapped, or a quick reply's payload. */
  replyId: string | null;
  /** The wamid of the message being answered. */
  contextId: string | null;
}

export interface WebhookCallbacks {
  statuses: StatusCallback[];
  messages: InboundCallback[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Meta's timestamps are Unix seconds, as strings. */
function unixTime(value: unknown, fallback: Date): Date {
  const seconds = typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : fallback;
}

/**
 * Whether the body is Meta's envelope: `{object: "whatsapp_business_account", entry: [{changes:
 * [{field, value: {...}}]}]}`. Anything else is refused before it is stored.
 */
export function envelopeProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body must be a JSON object';
  if (body.object !== 'whatsapp_business_account') {
    return 'object must be "whatsapp_business_account"';
  }
  if (!Array.isArray(body.entry)) return 'entry must be an array';
  for (const entry of body.entry) {
    if (!isObject(entry) || !Array.isArray(entry.changes)) {
      return 'every entry must hold a changes array';
    }
    for (const change of entry.changes) {
      if (!isObject(change) || !isObject(change.value)) {
        return 'every change must hold a value object';
      }
    }
  }
  return null;
}

function readInbound(
  message: Json,
  phoneNumberId: string,
  receivedAt: Date,
): InboundCallback | null {
  const providerMessageId = text(message.id);
  const fromWaId = text(message.from);
  if (!providerMessageId || !fromWaId) return null;
  const base = {
    phoneNumberId,
    providerMessageId,
    fromWaId,
    sentAt: unixTime(message.timestamp, receivedAt),
    contextId: isObject(message.context) ? text(message.context.id) : null,
  };
  const interactive = isObject(message.interactive) ? message.interactive : {};
  const button = isObject(interactive.button_reply) ? interactive.button_reply : null;
  const row = isObject(interactive.list_reply) ? interactive.list_reply : null;
  const quick = isObject(message.button) ? message.button : null;
  if (message.type === 'text' && isObject(message.text)) {
    return { ...base, kind: 'text', body: text(message.text.body), replyId: null };
  }
  if (message.type === 'interactive' && button) {
    return { ...base, kind: 'button_reply', body: text(button.title), replyId: text(button.id) };
  }
  if (message.type === 'interactive' && row) {
    return { ...base, kind: 'list_reply', body: text(row.title), replyId: text(row.id) };
  }
  if (message.type === 'button' && quick) {
    return { ...base, kind: 'quick_reply', body: text(quick.text), replyId: text(quick.payload) };
  }
  // Images, locations, reactions and the rest still reach the inbox, without their content.
  return { ...base, kind: 'other', body: null, replyId: null };
}

function readStatus(status: Json, phoneNumberId: string, receivedAt: Date): StatusCallback | null {
  const providerMessageId = text(status.id);
  const value = status.status;
  if (!providerMessageId || !RECEIPT_STATUSES.includes(value as ReceiptStatus)) return null;
  const [error] = objects(status.errors);
  return {
    phoneNumberId,
    providerMessageId,
    status: value as ReceiptStatus,
    occurredAt: unixTime(status.timestamp, receivedAt),
    errorCode: error && typeof error.code === 'number' ? String(error.code) : null,
    errorTitle: error ? (text(error.title) ?? text(error.message)) : null,
    deliveryId: UUID.test(text(status.biz_opaque_callback_data) ?? '')
      ? (status.biz_opaque_callback_data as string)
      : null,
  };
}

/**
 * Everything Crier acts on in one callback. Parts it does not use (other fields, status values
 * such as `deleted`) are passed over rather than refused: Meta adds to its payloads over time.
 */
export function readCallbacks(body: unknown, receivedAt: Date): WebhookCallbacks {
  const callbacks: WebhookCallbacks = { statuses: [], messages: [] };
  if (!isObject(body)) return callbacks;
  for (const entry of objects(body.entry)) {
    for (const change of objects(entry.changes)) {
      const value = isObject(change.value) ? change.value : {};
      const metadata = isObject(value.metadata) ? value.metadata : {};
      const phoneNumberId = text(metadata.phone_number_id);
      if (!phoneNumberId) continue;
      for (const status of objects(value.statuses)) {
        const read = readStatus(status, phoneNumberId, receivedAt);
        if (read) callbacks.statuses.push(read);
      }
      for (const message of objects(value.messages)) {
        const read = readInbound(message, phoneNumberId, receivedAt);
        if (read) callbacks.messages.push(read);
      }
    }
  }
  return callbacks;
}
