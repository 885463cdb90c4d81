import { describe, expect, it } from 'vitest';
import { formTokenMatches, newSecret, sessionId } from './form-token.js';

describe('session secrets', () => {
  it('makes a fresh 256-bit URL-safe secret each time', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(secret);
  });

  it('stores a SHA-256 of the cookie, never the cookie', () => {
    expect(sessionId('token')).toBe(
      '3c469e9d6c5875d37a43f353d4f88e61fcf812c66eee3457465a40b0da4153e0',
    );
  });

  it('accepts only the exact form token', () => {
    const expected = newSecret();
    expect(formTokenMatches(expected, expected)).toBe(true);
    expect(formTokenMatches(`${expected}x`, expected)).toBe(false);
    expect(formTokenMatches('', expected)).toBe(false);
    expect(formTokenMatches(undefined, expected)).toBe(false);
    expect(formTokenMatches([expected], expected)).toBe(false);
  });
});
