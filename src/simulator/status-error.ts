import { errorTitle } from './graph-error.js';

/** One entry of a `failed` status's `errors` array, in Meta's shape. */
export interface StatusError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

// Meta links every status error to its error-code reference.
const ERROR_CODES_URL =
  'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

const DETAILS: Readonly<Record<number, string>> = {
  131026:
    'Message Undeliverable: the recipient may not be on WhatsApp, may use an old version of it, ' +
    'or may not have accepted the latest terms of service.',
};

/**
 * The error a `failed` status carries. Unlike the synchronous envelope, Meta words `message` as
 * the bare title here, with no "(#code)" prefix.
 */
export function statusError(code: number): StatusError {
  const title = errorTitle(code);
  return {
    code,
    title,
    message: title,
    error_data: { details: DETAILS[code] ?? `${title} (simulated by the Cloud API simulator).` },
    href: ERROR_CODES_URL,
  };
}
