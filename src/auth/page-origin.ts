import type { Request } from 'express';
import { isUnsafeMethod } from '../web/page-paths.js';
import { isSameOrigin } from '../web/same-origin.js';
import { WebErrors } from '../web/web.errors.js';

/** Refuses a form post to a public page that did not come from one of Crier's own pages. */
export function requireSameOriginForm(request: Request): void {
  if (!isUnsafeMethod(request.method)) return;
  const sameOrigin = isSameOrigin({
    secFetchSite: request.get('sec-fetch-site'),
    origin: request.get('origin'),
    // The protocol comes from X-Forwarded-Proto only when TRUST_PROXY names the proxy.
    expected: `${request.protocol}://${request.get('host') ?? ''}`,
  });
  if (!sameOrigin) throw WebErrors.crossSite();
}

export const isConsolePath = (path: string): boolean =>
  path === '/console' || path.startsWith('/console/');
