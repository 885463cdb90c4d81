/** What the content safeguards look for: each is a kind of thing that must not go out unread. */
export const FINDING_CODES = [
  'PHONE_NUMBER',
  'EMAIL_ADDRESS',
  'NHS_NUMBER',
  'NATIONAL_INSURANCE_NUMBER',
  'POSTCODE_NEAR_NAME',
  'HEALTH_INFORMATION',
  'LINK_NOT_ALLOWED',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * One thing a safeguard found. `excerpt` is the matched text, masked for numbers that identify
 * a person (phone, NHS and National Insurance numbers), so a finding can be shown, logged or
 * audited without repeating the number. `start` and `end` are offsets in the text checked.
 */
export interface Finding {
  code: FindingCode;
  message: string;
  excerpt: string;
  start: number;
  end: number;
}

/** A finding in a message: `field` names the part a resident reads (`body`, `parameters.0`, ...). */
export interface ContentFinding extends Finding {
  field: string;
}

export interface SafeguardOptions {
  /** Domains links may point to: a host matches its own domain or any subdomain of one. */
  linkAllowList: readonly string[];
}

export const finding = (
  code: FindingCode,
  message: string,
  excerpt: string,
  start: number,
  end: number,
): Finding => ({ code, message, excerpt, start, end });
