import { CrierError } from '../../common/errors/crier-error.js';

/** A problem for the error summary (`href` points at the field) and for the field itself. */
export interface FormProblem {
  text: string;
  href: string;
}

/** A posted form as Express parses it (`extended: false`): a repeated field is an array. */
export type FormBody = Record<string, unknown>;

/** One text field, trimmed; an array (a field posted twice) counts as its first value. */
export function textField(body: FormBody, name: string): string {
  const value = Array.isArray(body[name]) ? (body[name] as unknown[])[0] : body[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** Every value of a repeated field (checkboxes), without blanks or repeats. */
export function listField(body: FormBody, name: string): string[] {
  const raw = body[name];
  const values = (Array.isArray(raw) ? raw : [raw]).filter(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return [...new Set(values.map((value) => value.trim()))];
}

/** A whole number written in the field, or undefined when it is not one. */
export function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** `{ fieldId: { text } }` for each field's `errorMessage`, the first problem per field. */
export function errorsByField(problems: FormProblem[]): Record<string, { text: string }> {
  const byField: Record<string, { text: string }> = {};
  for (const { text, href } of problems) {
    const id = href.replace(/^#/, '');
    byField[id] ??= { text };
  }
  return byField;
}

/**
 * The domain's refusal as a problem on the field it concerns, when it is one of the expected
 * ones (`codes` maps its code to that field); anything else is not the form's to show.
 */
export function expectedRefusal(
  error: unknown,
  codes: Record<string, string>,
): FormProblem | undefined {
  if (!(error instanceof CrierError)) return undefined;
  const href = codes[error.code];
  return href ? { text: error.message, href } : undefined;
}
