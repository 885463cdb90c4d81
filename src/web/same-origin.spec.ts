import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin.js';

const expected = 'https://crier.example.gov.uk';

describe('isSameOrigin', () => {
  it("trusts the browser's Sec-Fetch-Site first", () => {
    expect(isSameOrigin({ secFetchSite: 'same-origin', expected })).toBe(true);
    for (const site of ['same-site', 'cross-site', 'none']) {
      expect(isSameOrigin({ secFetchSite: site, origin: expected, expected })).toBe(false);
    }
  });

  it('otherwise needs an Origin that is exactly ours', () => {
    expect(isSameOrigin({ origin: expected, expected })).toBe(true);
    expect(isSameOrigin({ origin: 'https://evil.example', expected })).toBe(false);
    expect(isSameOrigin({ origin: 'http://crier.example.gov.uk', expected })).toBe(false);
    expect(isSameOrigin({ origin: 'null', expected })).toBe(false);
    expect(isSameOrigin({ expected })).toBe(false);
  });
});
