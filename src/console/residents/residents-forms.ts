import {
  type E164,
  maskPhoneNumber,
  normalisePhoneNumber,
} from '../../phone-numbers/phone-number.js';

/** A problem for the error summary (`href` points at the field) and for the field itself. */
export interface FormProblem {
  text: string;
  href: string;
}

/** A posted form as Express parses it (`extended: false`): a repeated field is an array. */
export type FormBody = Record<string, unknown>;

/** One field as posted (not trimmed: a CSV's spaces are its own); the first if posted twice. */
export function rawField(body: FormBody, name: string): string {
  const value = Array.isArray(body[name]) ? (body[name] as unknown[])[0] : body[name];
  return typeof value === 'string' ? value : '';
}

/** `{ fieldId: { text } }` for each field's `errorMessage`, the first problem per field. */
export function errorsByField(problems: FormProblem[]): Record<string, { text: string }> {
  const byField: Record<string, { text: string }> = {};
  for (const { text, href } of problems) byField[href.replace(/^#/, '')] ??= { text };
  return byField;
}

export type PhoneField =
  { ok: true; phone: E164; masked: string } | { ok: false; typed: string; problem: FormProblem };

/** The resident's number typed by the admin: UK numbers may be written nationally. */
export function parsePhoneField(body: FormBody, name = 'phone'): PhoneField {
  const typed = rawField(body, name).trim();
  const href = `#${name}`;
  if (typed === '') {
    return { ok: false, typed, problem: { text: "Enter the resident's phone number", href } };
  }
  const phone = normalisePhoneNumber(typed);
  if (!phone) {
    return {
      ok: false,
      typed,
      problem: {
        text: 'Enter a phone number, like 07700 900123 or +44 7700 900123',
        href,
      },
    };
  }
  return { ok: true, phone, masked: maskPhoneNumber(phone) };
}

/** The "Yes" of a single checkbox the admin must tick. */
export const ticked = (body: FormBody, name: string): boolean => rawField(body, name) === 'yes';

export type MasterListText =
  { ok: true; phones: string[]; lines: number[] } | { ok: false; problem: FormProblem };

/**
 * The council's master list pasted one number per line (a spreadsheet's column pasted, or a
 * text file); blank lines are skipped. `lines[i]` is the line `phones[i]` was on, from 1.
 */
export function parseMasterListText(text: string, field = 'phones'): MasterListText {
  const phones: string[] = [];
  const lines: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const phone = line.trim().replace(/^"(.*)"$/, '$1');
    if (phone === '') return;
    phones.push(phone);
    lines.push(index + 1);
  });
  if (phones.length === 0) {
    return {
      ok: false,
      problem: {
        text: "Enter the council's master list, one phone number per line",
        href: `#${field}`,
      },
    };
  }
  return { ok: true, phones, lines };
}
