import { type Finding, finding } from './content-finding.js';

/**
 * Links as residents' phones make them clickable: with a scheme, starting www., or a bare host
 * ending in a common top-level domain ("bit.ly/x", "example.com"). An email address's domain is
 * not a link (the email safeguard covers it).
 */
const LINK = new RegExp(
  String.raw`(?<![@\w.-])(?:https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|(?:[a-z0-9-]+\.)+(?:com|org|net|uk|io|co|info|ly|me|app|gl|to|xyz|biz|online|site|link|eu|us|ie|cymru|wales|scot|gov)\b(?:\/[^\s<>"]*)?)`,
  'gi',
);

/** Whether a host is an allowed domain or under one: "www.example.gov.uk" is under "gov.uk". */
export function hostAllowed(host: string, allowList: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowList.some((domain) => h === domain || h.endsWith(`.${domain}`));
}

export function hostOf(link: string): string | null {
  try {
    return new URL(/^https?:\/\//i.test(link) ? link : `https://${link}`).hostname;
  } catch {
    return null;
  }
}

export function findLinksOutsideAllowList(text: string, allowList: readonly string[]): Finding[] {
  return [...text.matchAll(LINK)].flatMap((match) => {
    // Sentence punctuation after a link is not part of it.
    const link = match[0].replace(/[.,;:!?)'"’”]+$/, '');
    const host = hostOf(link);
    if (host && hostAllowed(host, allowList)) return [];
    return [
      finding(
        'LINK_NOT_ALLOWED',
        `A link to ${host ?? link}, which is not on the council’s list of trusted websites. Residents are told to trust only links to the council and government.`,
        link,
        match.index,
        match.index + link.length,
      ),
    ];
  });
}
