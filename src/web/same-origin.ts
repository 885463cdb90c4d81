export interface RequestOrigin {
  /** The Sec-Fetch-Site header, sent by current browsers. */
  secFetchSite?: string;
  /** The Origin header. */
  origin?: string;
  /** This request's own origin as the server sees it, e.g. https://crier.example.gov.uk. */
  expected: string;
}

/**
 * Whether a form post came from one of Crier's own pages. Sec-Fetch-Site is the browser's own
 * verdict; without it, Origin must be ours. A request that says neither is refused: every browser
 * Crier supports sends one or the other with a form post.
 */
export function isSameOrigin({ secFetchSite, origin, expected }: RequestOrigin): boolean {
  if (secFetchSite) return secFetchSite === 'same-origin';
  if (!origin || origin === 'null') return false;
  return origin.toLowerCase() === expected.toLowerCase();
}
