import type { CrierError } from '../common/errors/crier-error.js';
import { normalisePhoneNumber } from '../phone-numbers/phone-number.js';
import type { Catalogue } from './i18n/en.js';

/** What the resident typed and ticked, kept to show the form again as they left it. */
export interface DetailsValues {
  phone: string;
  postcode: string;
  topics: string[];
  consent: boolean;
}

export type DetailsField = 'phone' | 'postcode' | 'topics' | 'consent';

/** One problem, by field, with the catalogue key of its message. */
export interface DetailsProblem {
  field: DetailsField;
  message: keyof Catalogue['errors'];
}

/** The same limits as the public API's SubscriptionRequestDto, so the service gets what it expects. */
const MAX_PHONE = 40;
const MAX_POSTCODE = 20;
const MAX_TOPICS = 50;
const TOPIC_CODE = /^[a-z0-9_-]{1,100}$/i;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A checkbox group posts one value as a string, several as an array, none as nothing. */
const list = (value: unknown): string[] => {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
};

/** Reads the posted form; anything of the wrong shape reads as empty rather than failing. */
export function readDetails(body: unknown): DetailsValues {
  const form = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    phone: text(form.phone).slice(0, 100),
    postcode: text(form.postcode).slice(0, 100),
    topics: list(form.topics).slice(0, 100),
    consent: form.consent === 'yes',
  };
}

/**
 * The problems that can be seen without asking the service, all at once, so the resident fixes
 * everything in one go. The service checks the number, postcode and topics again.
 */
export function detailsProblems(values: DetailsValues): DetailsProblem[] {
  const problems: DetailsProblem[] = [];
  if (!values.phone || values.phone.length > MAX_PHONE || !normalisePhoneNumber(values.phone)) {
    problems.push({ field: 'phone', message: 'phone' });
  }
  if (!values.postcode || values.postcode.length > MAX_POSTCODE) {
    problems.push({ field: 'postcode', message: 'postcodeMissing' });
  }
  if (values.topics.length === 0) {
    problems.push({ field: 'topics', message: 'topics' });
  } else if (values.topics.length > MAX_TOPICS || !values.topics.every((t) => TOPIC_CODE.test(t))) {
    problems.push({ field: 'topics', message: 'topicsUnknown' });
  }
  if (!values.consent) problems.push({ field: 'consent', message: 'consent' });
  return problems;
}

/** The service's refusals that belong to one field of the form; null for any other error. */
export function problemFor(error: CrierError): DetailsProblem | null {
  switch (error.code) {
    case 'INVALID_PHONE_NUMBER':
      return { field: 'phone', message: 'phone' };
    case 'UNKNOWN_POSTCODE':
      return { field: 'postcode', message: 'postcodeUnknown' };
    case 'UNKNOWN_TOPIC':
      return { field: 'topics', message: 'topicsUnknown' };
    default:
      return null;
  }
}

/** The error summary's list and each field's message, in the page's language. */
export function errorsFor(problems: DetailsProblem[], words: Catalogue['errors']) {
  const summary = problems.map((p) => ({ text: words[p.message], href: `#${p.field}` }));
  const fields: Partial<Record<DetailsField, { text: string }>> = {};
  for (const p of problems) fields[p.field] ??= { text: words[p.message] };
  return { summary, fields };
}
