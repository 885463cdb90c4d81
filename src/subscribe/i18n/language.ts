import { cy } from './cy.js';
import { type Catalogue, en } from './en.js';

export type Language = 'en' | 'cy';

const CATALOGUES: Record<Language, Catalogue> = { en, cy };

/** Welsh when the address asks for it (`?lang=cy`); English otherwise, whatever else is sent. */
export const languageOf = (lang: unknown): Language => (lang === 'cy' ? 'cy' : 'en');

/** The query string that keeps a link or a form in the page's language. */
export const languageQuery = (language: Language): string => (language === 'cy' ? '?lang=cy' : '');

/** Values put into the catalogue's `{name}` placeholders. */
export type Placeholders = Record<string, string | number>;

function fillValue(value: unknown, placeholders: Placeholders): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in placeholders ? String(placeholders[name]) : whole,
    );
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, fillValue(inner, placeholders)]),
    );
  }
  return value;
}

/** A language's words with its placeholders filled in: what a template reads as `t`. */
export function catalogueFor(language: Language, placeholders: Placeholders): Catalogue {
  return fillValue(CATALOGUES[language], placeholders) as Catalogue;
}

/**
 * The language navigation's two items: the page's own language as text, the other as a link to
 * the same page in it, each named in its own language (GOV.UK's language navigation component).
 */
export function languageNavigation(language: Language, path: string) {
  return [
    {
      text: 'English',
      lang: 'en',
      current: language === 'en',
      href: path,
      languageDescriptionText: en.language.switchTo,
    },
    {
      text: 'Cymraeg',
      lang: 'cy',
      current: language === 'cy',
      href: `${path}?lang=cy`,
      languageDescriptionText: cy.language.switchTo,
    },
  ];
}
