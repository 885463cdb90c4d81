import { randomBytes } from 'node:crypto';

/** Titles as Meta words them; the message reads "(#<code>) <title>". */
const TITLES: Readonly<Record<number, string>> = {
  2: 'Service temporarily unavailable',
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
  131016: 'Service unavailable',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation',
  132012: 'Parameter format does not match format in the created template',
};

/** Meta's short title for an error code, shared by synchronous errors and `failed` statuses. */
export function errorTitle(code: number): string {
  return TITLES[code] ?? 'Simulated error';
}

/** A Cloud API error, answered synchronously with Meta's error envelope. */
export class GraphError extends Error {
  constructor(
    readonly code: number,
    readonly details: string,
  ) {
    super(`(#${code}) ${errorTitle(code)}`);
    this.name = 'GraphError';
  }

  /**
   * Meta asks clients to act on `code`, not on the HTTP status, but the statuses still differ:
   * 401 for a bad token, 5xx for Meta's own trouble, 400 for everything the request caused.
   */
  get httpStatus(): number {
    if (this.code === 190) return 401;
    if (this.code === 2) return 503;
    if (this.code === 131000 || this.code === 131016) return 500;
    return 400;
  }

  toBody(): GraphErrorBody {
    return {
      error: {
        message: this.message,
        type: 'OAuthException',
        code: this.code,
        error_data: { messaging_product: 'whatsapp', details: this.details },
        fbtrace_id: randomBytes(12).toString('base64url'),
      },
    };
  }
}

export interface GraphErrorBody {
  error: {
    message: string;
    type: 'OAuthException';
    code: number;
    error_data: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}
