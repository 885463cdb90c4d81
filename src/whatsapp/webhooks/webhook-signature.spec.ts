import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasValidSignature } from './webhook-signature.js';

const secret = 'app-secret';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const sign = (bytes: Buffer, key = secret) =>
  `sha256=${createHmac('sha256', key).update(bytes).digest('hex')}`;

describe('hasValidSignature', () => {
  it('accepts the HMAC of the exact bytes, in either hex case', () => {
    expect(hasValidSignature(body, sign(body), secret)).toBe(true);
    expect(
      hasValidSignature(body, sign(body).toUpperCase().replace('SHA256', 'sha256'), secret),
    ).toBe(true);
  });

  it('refuses a missing, malformed, wrongly keyed or replayed-onto-other-bytes signature', () => {
    expect(hasValidSignature(body, undefined, secret)).toBe(false);
    expect(hasValidSignature(body, '', secret)).toBe(false);
    expect(hasValidSignature(body, 'sha1=abc', secret)).toBe(false);
    expect(hasValidSignature(body, sign(body, 'other-secret'), secret)).toBe(false);
    const altered = Buffer.from(body.toString().replace('[]', '[{}]'));
    expect(hasValidSignature(altered, sign(body), secret)).toBe(false);
  });

  it('signs bytes, not the parsed value: re-serialised non-ASCII does not match', () => {
    const escaped = Buffer.from('{"text":"caf\\u00e9"}');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(escaped.toString())));
    expect(hasValidSignature(reserialised, sign(escaped), secret)).toBe(false);
    expect(hasValidSignature(escaped, sign(escaped), secret)).toBe(true);
  });
});
