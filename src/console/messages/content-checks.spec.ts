import { describe, expect, it } from 'vitest';
import type { ContentFinding } from '../../messages/safeguards/content-finding.js';
import { contentChecks } from './content-checks.js';

const phone: ContentFinding = {
  code: 'PHONE_NUMBER',
  message: 'A phone number.',
  excerpt: '••••• ••••23',
  start: 5,
  end: 17,
  field: 'parameters.1',
};

describe('contentChecks', () => {
  it('is null when nothing was found', () => {
    expect(contentChecks([], { kind: 'text', body: 'Bins on Tuesday' })).toBeNull();
  });

  it('names the part of the form each finding is in', () => {
    const template = {
      kind: 'template' as const,
      templateName: 'area_alert',
      language: 'en_GB',
      parameters: ['Road closed', 'Call 07700 900123'],
    };
    const one = contentChecks([phone], template);
    expect(one?.heading).toContain('may contain something that must not be sent');
    expect(one?.items).toEqual([
      { where: 'Alert text, part 2', excerpt: '••••• ••••23', message: 'A phone number.' },
    ]);
    const body = contentChecks([{ ...phone, field: 'body' }, phone], {
      kind: 'text',
      body: 'x',
    });
    expect(body?.heading).toContain('2 things');
    expect(body?.items[0].where).toBe('Message text');
  });
});
