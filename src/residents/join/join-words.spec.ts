import { describe, expect, it } from 'vitest';
import { areaList, confirmQuestion, topicAdded, topicList } from './join-steps.js';
import { cy, en, JOIN_WORDS, type JoinCatalogue, type JoinLanguage } from './join-words.js';

/** WhatsApp's limits on interactive messages. */
const LIMITS = { buttonTitle: 20, rowTitle: 24, listButton: 20, sectionTitle: 24, body: 1024 };

const languages = Object.keys(JOIN_WORDS) as JoinLanguage[];
const longNames = Array.from({ length: 30 }, (_, i) => `A very long choice name, number ${i}`);
const choices = longNames.map((name, i) => ({ code: `c${i}`, name }));

describe('JOIN words', () => {
  it('has the same keys, of the same kinds, in English and Welsh', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof JoinCatalogue)[]) {
      expect(typeof cy[key], key).toBe(typeof en[key]);
      if (typeof en[key] === 'string') expect(cy[key], key).not.toBe('');
    }
    expect(languages.sort()).toEqual(['cy', 'en']);
  });

  it.each(languages)("keeps %s labels within WhatsApp's limits", (language) => {
    const words = JOIN_WORDS[language];
    for (const label of [words.done, words.confirm, words.cancel]) {
      expect(label.length, label).toBeLessThanOrEqual(LIMITS.buttonTitle);
    }
    for (const row of [words.moreAreas, words.moreTopics, words.backToStart]) {
      expect(row.length, row).toBeLessThanOrEqual(LIMITS.rowTitle);
    }
    for (const button of [words.areasButton, words.topicsButton]) {
      expect(button.length, button).toBeLessThanOrEqual(LIMITS.listButton);
    }
  });

  it.each(languages)('builds %s messages within the limits, however long the names', (language) => {
    const contents = [
      areaList(choices, 0, language),
      areaList(choices, 3, language),
      topicList(choices, 1, language),
      topicAdded(longNames, language),
      confirmQuestion(longNames[0], longNames, language),
    ];
    for (const content of contents) {
      if (content.kind === 'list') {
        expect(content.body.length).toBeLessThanOrEqual(LIMITS.body);
        expect(content.buttonText.length).toBeLessThanOrEqual(LIMITS.listButton);
        const rows = content.sections.flatMap((s) => s.rows);
        expect(rows.length).toBeLessThanOrEqual(10);
        for (const row of rows) expect(row.title.length).toBeLessThanOrEqual(LIMITS.rowTitle);
        for (const section of content.sections) {
          expect((section.title ?? '').length).toBeLessThanOrEqual(LIMITS.sectionTitle);
        }
      } else if (content.kind === 'buttons') {
        expect(content.body.length).toBeLessThanOrEqual(LIMITS.body);
        for (const b of content.buttons) {
          expect(b.title.length).toBeLessThanOrEqual(LIMITS.buttonTitle);
        }
      } else {
        throw new Error(`unexpected ${content.kind}`);
      }
    }
  });

  it('answers in Welsh with the Welsh keywords, and in English with the English ones', () => {
    const noticeUrl = 'https://www.example-borough.gov.uk/privacy/alerts';
    const facts = { council: 'Cyngor Enghraifft', inboundDays: 7, noticeUrl };
    expect(cy.privacySummary(facts)).toContain('STOPIO');
    expect(cy.privacySummary(facts)).toContain('7 diwrnod');
    expect(cy.welcome('Cyngor', noticeUrl)).toContain('PREIFATRWYDD');
    expect(cy.cancelled).toContain('YMUNO');
    expect(en.privacySummary(facts)).toContain('after 7 days');
    expect(en.privacySummary({ ...facts, inboundDays: 1 })).toContain('after 1 day.');
    for (const words of [en, cy]) {
      expect(words.privacySummary(facts)).toContain('Cyngor Enghraifft');
      expect(words.privacySummary(facts)).toContain('2025-01');
      expect(words.welcome('Cyngor', noticeUrl)).toContain('2025-01');
      expect(words.welcome('Cyngor', noticeUrl)).toContain(noticeUrl);
      expect(words.privacySummary(facts)).toContain(noticeUrl);
    }
  });
});
