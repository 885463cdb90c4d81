import { randomBytes } from 'node:crypto';

/** A fresh nonce for each page, for the one inline script govuk-frontend's template has. */
export const newNonce = (): string => randomBytes(16).toString('base64');

/**
 * Pages load only Crier's own files. The nonce lets govuk-frontend's one-line `js-enabled`
 * script run; everything else is a file under /assets. Strict-Transport-Security is left to the
 * council's TLS-terminating proxy, which knows whether the whole host is HTTPS-only.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
  ].join('; ');
}
