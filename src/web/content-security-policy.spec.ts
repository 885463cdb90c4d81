import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './content-security-policy.js';

describe('contentSecurityPolicy', () => {
  it("allows only Crier's own files and this page's nonce", () => {
    const policy = contentSecurityPolicy('abc123');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toContain('unsafe');
  });

  it('makes a new 128-bit nonce for each page', () => {
    expect(Buffer.from(newNonce(), 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(newNonce());
  });
});
