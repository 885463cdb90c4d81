import { describe, expect, it } from 'vitest';
import { contentSafeguardsConfig, DEFAULT_LINK_ALLOWLIST } from './content-safeguards-config.js';

const config = (value?: string) => {
  const problems: string[] = [];
  const result = contentSafeguardsConfig({ CONTENT_LINK_ALLOWLIST: value }, problems);
  return { ...result, problems };
};

describe('CONTENT_LINK_ALLOWLIST', () => {
  it('defaults to the public sector’s domains', () => {
    expect(config().linkAllowList).toEqual(DEFAULT_LINK_ALLOWLIST);
    expect(DEFAULT_LINK_ALLOWLIST).toContain('gov.uk');
  });

  it('reads domains separated by commas, in lower case, without a leading dot or *.', () => {
    expect(config(' gov.uk, Example-Council.ORG.uk ,*.nhs.uk,').linkAllowList).toEqual([
      'gov.uk',
      'example-council.org.uk',
      'nhs.uk',
    ]);
  });

  it('refuses anything that is not a domain', () => {
    expect(config('gov.uk,https://evil.example/').problems).toEqual([
      expect.stringContaining('not https://evil.example/'),
    ]);
    expect(config(' , ').problems).toHaveLength(1);
  });
});
