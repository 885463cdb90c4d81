import type { EnvironmentDto } from './environment.dto.js';

/**
 * Public-sector domains residents can trust: the UK, Welsh and Scottish governments (councils'
 * own sites are mostly under gov.uk), the NHS and the police (Action Fraud).
 */
export const DEFAULT_LINK_ALLOWLIST = [
  'gov.uk',
  'gov.wales',
  'llyw.cymru',
  'gov.scot',
  'nhs.uk',
  'police.uk',
];

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * CONTENT_LINK_ALLOWLIST: the domains a message's links may point to, comma-separated; a link's
 * host matches a domain or any subdomain of it. Setting it replaces the default, so a council
 * whose site is not under gov.uk lists gov.uk as well as its own.
 */
export function contentSafeguardsConfig(
  dto: EnvironmentDto,
  problems: string[],
): { linkAllowList: string[] } {
  if (dto.CONTENT_LINK_ALLOWLIST === undefined) return { linkAllowList: DEFAULT_LINK_ALLOWLIST };
  const domains = dto.CONTENT_LINK_ALLOWLIST.split(',')
    .map((domain) =>
      domain
        .trim()
        .toLowerCase()
        .replace(/^\*?\./, ''),
    )
    .filter((domain) => domain !== '');
  const bad = domains.filter((domain) => !DOMAIN.test(domain));
  if (domains.length === 0 || bad.length > 0) {
    problems.push(
      `CONTENT_LINK_ALLOWLIST must be domains separated by commas, such as gov.uk,example-council.org.uk${bad.length ? ` (not ${bad.join(', ')})` : ''}`,
    );
  }
  return { linkAllowList: domains };
}
