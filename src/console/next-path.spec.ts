import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './next-path.js';

describe('safeNextPath', () => {
  it('keeps a path inside the console, with its query', () => {
    expect(safeNextPath('/console')).toBe('/console');
    expect(safeNextPath('/console/messages?status=draft')).toBe('/console/messages?status=draft');
  });

  it('goes home for anything that could leave the console or the site', () => {
    for (const next of [
      'https://evil.example/console',
      '//evil.example/console',
      '/\\evil.example',
      '/console\\..\\x',
      '/console//evil.example',
      '/consolex',
      '/api/v1/me',
      'javascript:alert(1)',
      '/console/\u0000',
      '/console/\nSet-Cookie: x',
      '',
      undefined,
      ['/console/a'],
      `/console/${'a'.repeat(2001)}`,
    ]) {
      expect(safeNextPath(next)).toBe('/console');
    }
  });
});

describe('signInPath', () => {
  it('remembers only a useful, safe next page', () => {
    expect(signInPath()).toBe('/console/sign-in');
    expect(signInPath('/console')).toBe('/console/sign-in');
    expect(signInPath('/console/audit?from=1')).toBe(
      '/console/sign-in?next=%2Fconsole%2Faudit%3Ffrom%3D1',
    );
    expect(signInPath('https://evil.example')).toBe('/console/sign-in');
  });
});
