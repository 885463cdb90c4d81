/** Where Crier serves HTML pages rather than JSON: the staff console and residents' pages. */
export const PAGE_PREFIXES = ['/console', '/subscribe'] as const;

export const isPagePath = (path: string): boolean =>
  PAGE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** Methods that may change something, so a form must prove where it came from. */
export const isUnsafeMethod = (method: string): boolean =>
  !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
