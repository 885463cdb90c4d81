import { safeNextPath } from '../next-path.js';

export const TEST_PHONE_PAGE = '/console/me/test-phone';
/** Longer than any phone number written with spaces and a country code. */
const PHONE_MAX = 40;

export type TestPhoneForm =
  | { action: 'remove'; next: string | null }
  | { action: 'save'; phone: string; next: string | null; problem: string | null };

/**
 * Where to go after saving: back to the page that sent the person here (a console page only),
 * or nowhere, to stay on this page.
 */
export function returnPath(next: unknown): string | null {
  if (typeof next !== 'string' || next === '') return null;
  const safe = safeNextPath(next);
  return safe === '/console' && next !== '/console' ? null : safe;
}

/** The register-or-remove form; the number's own validity is for TestPhoneService to decide. */
export function parseTestPhoneForm(body: Record<string, unknown>): TestPhoneForm {
  const next = returnPath(body.next);
  if (body.action === 'remove') return { action: 'remove', next };
  const phone = typeof body.phone === 'string' ? body.phone.trim() : '';
  const problem =
    phone === ''
      ? 'Enter your mobile phone number'
      : phone.length > PHONE_MAX
        ? 'Enter a mobile phone number, like 07700 900 982'
        : null;
  return { action: 'save', phone, next, problem };
}
