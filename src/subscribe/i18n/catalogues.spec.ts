import { describe, expect, it } from 'vitest';
import { cy } from './cy.js';
import { en } from './en.js';
import { catalogueFor, languageNavigation, languageOf, languageQuery } from './language.js';

/** Every key path of a catalogue, e.g. "start.title", sorted. */
const keysOf = (value: object, prefix = ''): string[] =>
  Object.entries(value)
    .flatMap(([key, inner]) =>
      inner && typeof inner === 'object'
        ? keysOf(inner as object, `${prefix}${key}.`)
        : [`${prefix}${key}`],
    )
    .sort();

/** The placeholders a text uses, e.g. ["council"]. */
const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const textAt = (catalogue: object, path: string): string =>
  path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], catalogue) as string;

describe('the residents’ pages’ catalogues', () => {
  it('have the same keys in English and Welsh', () => {
    expect(keysOf(cy)).toEqual(keysOf(en));
  });

  it('use the same placeholders in both languages', () => {
    for (const path of keysOf(en)) {
      expect(placeholdersOf(textAt(cy, path)), path).toEqual(placeholdersOf(textAt(en, path)));
    }
  });

  it('leave no Welsh text empty where the English has words', () => {
    for (const path of keysOf(en)) {
      if (textAt(en, path) !== '') expect(textAt(cy, path), path).not.toBe('');
    }
  });
});

describe('languageOf', () => {
  it('is Welsh only for lang=cy', () => {
    expect(languageOf('cy')).toBe('cy');
    for (const other of ['en', 'CY', undefined, ['cy'], 'fr']) expect(languageOf(other)).toBe('en');
  });

  it('keeps Welsh in links and forms', () => {
    expect(languageQuery('cy')).toBe('?lang=cy');
    expect(languageQuery('en')).toBe('');
  });
});

describe('catalogueFor', () => {
  it('fills in the placeholders it is given and leaves the others', () => {
    const t = catalogueFor('en', { council: 'Example Borough Council', version: '2025-01' });
    expect(t.start.title).toBe('Get WhatsApp alerts from Example Borough Council');
    expect(t.details.privacyNote).toContain('(version 2025-01)');
    expect(t.checkWhatsApp.tapConfirm).toContain('{hours}');
    expect(en.start.title).toContain('{council}');
  });

  it('gives the Welsh words for Welsh', () => {
    expect(catalogueFor('cy', { council: 'Cyngor' }).start.startButton).toBe('Dechrau nawr');
  });
});

describe('languageNavigation', () => {
  it('links to the other language, named in its own language', () => {
    expect(languageNavigation('en', '/subscribe')).toEqual([
      expect.objectContaining({ text: 'English', lang: 'en', current: true }),
      expect.objectContaining({
        text: 'Cymraeg',
        lang: 'cy',
        current: false,
        href: '/subscribe?lang=cy',
      }),
    ]);
    expect(languageNavigation('cy', '/subscribe/manage')[0]).toMatchObject({
      href: '/subscribe/manage',
      current: false,
    });
  });
});
