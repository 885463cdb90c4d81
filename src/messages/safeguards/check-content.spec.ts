import { describe, expect, it } from 'vitest';
import { DEFAULT_LINK_ALLOWLIST } from '../../config/content-safeguards-config.js';
import { checkContent, checkMessageContent } from './check-content.js';
import { ORDINARY_MESSAGES } from './ordinary-messages.js';
import { TRUE_POSITIVES } from './true-positives.js';

const options = { linkAllowList: DEFAULT_LINK_ALLOWLIST };

describe('checkContent', () => {
  it.each(TRUE_POSITIVES.map((sample) => [sample.code, sample.text]))(
    'finds %s in “%s”',
    (code, text) => {
      expect(checkContent(text, options).map((found) => found.code)).toContain(code);
    },
  );

  it(`flags none of ${ORDINARY_MESSAGES.length} ordinary council messages`, () => {
    expect(ORDINARY_MESSAGES.length).toBeGreaterThanOrEqual(60);
    const flagged = ORDINARY_MESSAGES.map((text) => ({ text, found: checkContent(text, options) }))
      .filter((result) => result.found.length > 0)
      .map(
        (result) =>
          `${result.text} -> ${result.found.map((f) => `${f.code} “${f.excerpt}”`).join('; ')}`,
      );
    expect(flagged).toEqual([]);
  });

  it('gives offsets in the text and never the whole number', () => {
    const text = 'Call 0300 123 4567 or quote 943 476 5919.';
    const found = checkContent(text, options);
    expect(found.map((f) => [f.code, f.excerpt, text.slice(f.start, f.end)])).toEqual([
      ['PHONE_NUMBER', '•••• ••• ••67', '0300 123 4567'],
      ['NHS_NUMBER', '••• ••• ••19', '943 476 5919'],
    ]);
  });

  it('checks a template’s parameters as one text and says which parameter holds each finding', () => {
    const found = checkMessageContent(
      {
        kind: 'template',
        templateName: 'area_alert',
        language: 'en_GB',
        parameters: ['Parcel for Mrs Patel', 'EX4 2AB', 'Call 07700 900123'],
      },
      options,
    );
    expect(found.map((f) => [f.code, f.field, f.start, f.end])).toEqual([
      ['POSTCODE_NEAR_NAME', 'parameters.0', 11, 20],
      ['PHONE_NUMBER', 'parameters.2', 5, 17],
    ]);
  });

  it('checks a text message’s body', () => {
    expect(
      checkMessageContent({ kind: 'text', body: 'Write to a@b.com' }, options).map((f) => f.field),
    ).toEqual(['body']);
  });
});
