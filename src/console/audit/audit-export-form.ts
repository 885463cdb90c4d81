import type { ExportScope } from '../../audit/export/audit-exporter.service.js';
import type { FormError } from './audit-search-form.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COUNT = /^[1-9]\d{0,14}$/;

export interface ExportValues {
  messageId: string;
  fromSeq: string;
  toSeq: string;
}

export type ParsedExport =
  | { kind: 'empty'; values: ExportValues }
  | { kind: 'ok'; values: ExportValues; scope: ExportScope; filename: string }
  | {
      kind: 'error';
      values: ExportValues;
      errors: FormError[];
      fieldErrors: Record<string, string>;
    };

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The download form: one message's events, or a range of sequence numbers (as the API's
 * export takes them). Nothing asked for shows the form.
 */
export function parseExport(raw: Record<string, unknown>): ParsedExport {
  const values = {
    messageId: text(raw.messageId),
    fromSeq: text(raw.fromSeq),
    toSeq: text(raw.toSeq),
  };
  const { messageId, fromSeq, toSeq } = values;
  if (!messageId && !fromSeq && !toSeq) return { kind: 'empty', values };
  const errors: FormError[] = [];
  const fieldErrors: Record<string, string> = {};
  const fail = (field: string, message: string) => {
    errors.push({ text: message, href: `#${field}` });
    fieldErrors[field] = message;
  };
  if (messageId) {
    if (fromSeq || toSeq)
      fail('messageId', 'Give either a message ID or a range of events, not both');
    else if (!UUID.test(messageId)) fail('messageId', 'Message ID must be a message’s ID');
  } else {
    if (!fromSeq) fail('fromSeq', 'Enter the first event number');
    else if (!COUNT.test(fromSeq))
      fail('fromSeq', 'First event number must be a whole number, 1 or more');
    if (!toSeq) fail('toSeq', 'Enter the last event number');
    else if (!COUNT.test(toSeq))
      fail('toSeq', 'Last event number must be a whole number, 1 or more');
    if (errors.length === 0 && Number(fromSeq) > Number(toSeq)) {
      fail('toSeq', 'Last event number must be the same as or after the first');
    }
  }
  if (errors.length > 0) return { kind: 'error', values, errors, fieldErrors };
  if (messageId) {
    const id = messageId.toLowerCase();
    return { kind: 'ok', values, scope: { messageId: id }, filename: `crier-evidence-${id}.json` };
  }
  return {
    kind: 'ok',
    values,
    scope: { fromSeq: Number(fromSeq), toSeq: Number(toSeq) },
    filename: `crier-evidence-${Number(fromSeq)}-${Number(toSeq)}.json`,
  };
}
