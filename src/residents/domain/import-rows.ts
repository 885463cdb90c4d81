import { isISO8601 } from 'class-validator';
import { type E164, normalisePhoneNumber } from '../../phone-numbers/phone-number.js';

/** One entry of an import as it arrived: types already checked, content not yet. */
export interface ImportRowInput {
  phone?: string | null;
  areas?: string[] | null;
  topics?: string[] | null;
  consent?: { source?: string | null; capturedAt?: string | null; evidence?: string | null } | null;
}

export interface ValidImportRow {
  phone: E164;
  areas: string[];
  topics: string[];
  consent: { source: string; capturedAt: Date; evidence: string };
}

export type ImportErrorCode =
  | 'INVALID_PHONE_NUMBER'
  | 'NO_AREAS'
  | 'NO_TOPICS'
  | 'UNKNOWN_AREA'
  | 'UNKNOWN_TOPIC'
  | 'CONSENT_INCOMPLETE'
  | 'INVALID_CONSENT_DATE'
  | 'CONSENT_DATE_IN_FUTURE'
  | 'DUPLICATE_IN_IMPORT'
  | 'SUPPRESSED'
  | 'ALREADY_SUBSCRIBED';

export interface ImportRowError {
  index: number;
  code: ImportErrorCode;
  message: string;
}

export interface ImportContext {
  knownAreas: ReadonlySet<string>;
  knownTopics: ReadonlySet<string>;
  now: Date;
}

export interface ImportPlan {
  valid: { index: number; row: ValidImportRow }[];
  invalid: ImportRowError[];
}

/** A date only (as on a paper form), or a date and time with its offset: never a local time. */
const CAPTURED_AT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** Clocks differ a little between a council's systems and Crier's. */
const CLOCK_SKEW_MS = 5 * 60_000;

type Check<T> = { ok: true; value: T } | { ok: false; code: ImportErrorCode; message: string };
const fail = (code: ImportErrorCode, message: string): Check<never> => ({
  ok: false,
  code,
  message,
});

const blank = (value: string | null | undefined): boolean => !value || value.trim() === '';

function codes(
  kind: 'area' | 'topic',
  given: string[] | null | undefined,
  known: ReadonlySet<string>,
): Check<string[]> {
  const list = [...new Set((given ?? []).map((code) => code.trim()).filter(Boolean))];
  if (list.length === 0) {
    return fail(
      kind === 'area' ? 'NO_AREAS' : 'NO_TOPICS',
      `Give at least one ${kind} code for this resident.`,
    );
  }
  const unknown = list.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    return fail(
      kind === 'area' ? 'UNKNOWN_AREA' : 'UNKNOWN_TOPIC',
      `No ${kind} has the code ${unknown.join(', ')}; create it first or correct the row.`,
    );
  }
  return { ok: true, value: list };
}

function consentOf(
  consent: ImportRowInput['consent'],
  now: Date,
): Check<ValidImportRow['consent']> {
  const missing = (['source', 'capturedAt', 'evidence'] as const).filter((field) =>
    blank(consent?.[field]),
  );
  if (!consent || missing.length > 0) {
    return fail(
      'CONSENT_INCOMPLETE',
      `The consent must say how, when and on what evidence the resident agreed; missing: consent.${missing.join(', consent.')}.`,
    );
  }
  const text = consent.capturedAt!.trim();
  const capturedAt = new Date(text);
  if (
    !CAPTURED_AT.test(text) ||
    !isISO8601(text, { strict: true }) ||
    isNaN(capturedAt.getTime())
  ) {
    return fail(
      'INVALID_CONSENT_DATE',
      'consent.capturedAt must be an ISO 8601 date (2024-05-01) or date and time with offset (2024-05-01T10:30:00Z).',
    );
  }
  if (capturedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return fail('CONSENT_DATE_IN_FUTURE', 'consent.capturedAt is in the future.');
  }
  return {
    ok: true,
    value: { source: consent.source!.trim(), capturedAt, evidence: consent.evidence!.trim() },
  };
}

/** Checks one entry's content. Messages never repeat the number: they go back to the caller's logs. */
export function checkImportRow(
  input: ImportRowInput,
  context: ImportContext,
): Check<ValidImportRow> {
  const phone = blank(input.phone) ? null : normalisePhoneNumber(input.phone!);
  if (!phone) {
    return fail(
      'INVALID_PHONE_NUMBER',
      'phone is missing or not a valid number; give a UK mobile such as 07700 900123, or + and the country code.',
    );
  }
  const areas = codes('area', input.areas, context.knownAreas);
  if (!areas.ok) return areas;
  const topics = codes('topic', input.topics, context.knownTopics);
  if (!topics.ok) return topics;
  const consent = consentOf(input.consent, context.now);
  if (!consent.ok) return consent;
  return {
    ok: true,
    value: { phone, areas: areas.value, topics: topics.value, consent: consent.value },
  };
}

/**
 * Sorts an import's entries into the valid and the invalid, by index. The same number twice in
 * one import is refused at its second and later appearances: which entry the council meant is
 * not Crier's guess.
 */
export function planImport(rows: ImportRowInput[], context: ImportContext): ImportPlan {
  const plan: ImportPlan = { valid: [], invalid: [] };
  const seen = new Map<E164, number>();
  rows.forEach((input, index) => {
    const checked = checkImportRow(input, context);
    if (!checked.ok) {
      plan.invalid.push({ index, code: checked.code, message: checked.message });
      return;
    }
    const first = seen.get(checked.value.phone);
    if (first !== undefined) {
      plan.invalid.push({
        index,
        code: 'DUPLICATE_IN_IMPORT',
        message: `This number is already in entry ${first} of this import.`,
      });
      return;
    }
    seen.set(checked.value.phone, index);
    plan.valid.push({ index, row: checked.value });
  });
  return plan;
}
