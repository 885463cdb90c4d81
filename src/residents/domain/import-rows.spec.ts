import { describe, expect, it } from 'vitest';
import { checkImportRow, type ImportRowInput, planImport } from './import-rows.js';

const context = {
  knownAreas: new Set(['northfield', 'southbank']),
  knownTopics: new Set(['gritting', 'bins']),
  now: new Date('2026-11-22T09:00:00Z'),
};

const row = (extra: Partial<ImportRowInput> = {}): ImportRowInput => ({
  phone: '07700 900123',
  areas: ['northfield'],
  topics: ['gritting', 'bins'],
  consent: { source: 'paper form', capturedAt: '2024-05-01T10:30:00+01:00', evidence: 'Form 118' },
  ...extra,
});

const codeOf = (input: ImportRowInput) => {
  const checked = checkImportRow(input, context);
  return checked.ok ? 'OK' : checked.code;
};

describe('checkImportRow', () => {
  it('accepts a complete entry, normalising the number to E.164 and the codes to a set', () => {
    const checked = checkImportRow(
      row({ phone: '+44 7700 900123', areas: ['northfield', ' northfield '] }),
      context,
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        phone: '+447700900123',
        areas: ['northfield'],
        topics: ['gritting', 'bins'],
        consent: {
          source: 'paper form',
          capturedAt: new Date('2024-05-01T09:30:00Z'),
          evidence: 'Form 118',
        },
      },
    });
  });

  it.each<[string, Partial<ImportRowInput>, string]>([
    ['no phone', { phone: undefined }, 'INVALID_PHONE_NUMBER'],
    ['a blank phone', { phone: '  ' }, 'INVALID_PHONE_NUMBER'],
    ['a phone that is not a number', { phone: '12345' }, 'INVALID_PHONE_NUMBER'],
    ['a phone far too long', { phone: '0'.repeat(60) }, 'INVALID_PHONE_NUMBER'],
    ['no areas', { areas: [] }, 'NO_AREAS'],
    ['areas null', { areas: null }, 'NO_AREAS'],
    ['only blank areas', { areas: ['', ' '] }, 'NO_AREAS'],
    ['no topics', { topics: undefined }, 'NO_TOPICS'],
    ['an unknown area', { areas: ['northfield', 'atlantis'] }, 'UNKNOWN_AREA'],
    ['an area in the wrong case', { areas: ['Northfield'] }, 'UNKNOWN_AREA'],
    ['an unknown topic', { topics: ['dragons'] }, 'UNKNOWN_TOPIC'],
    ['no consent', { consent: undefined }, 'CONSENT_INCOMPLETE'],
    [
      'consent without evidence',
      { consent: { source: 'web', capturedAt: '2024-05-01' } },
      'CONSENT_INCOMPLETE',
    ],
    [
      'consent with a blank source',
      { consent: { source: ' ', capturedAt: '2024-05-01', evidence: 'x' } },
      'CONSENT_INCOMPLETE',
    ],
    [
      'a capturedAt that is not a date',
      { consent: { source: 'web', capturedAt: 'last May', evidence: 'x' } },
      'INVALID_CONSENT_DATE',
    ],
    [
      'a capturedAt on a day that does not exist',
      { consent: { source: 'web', capturedAt: '2024-02-30', evidence: 'x' } },
      'INVALID_CONSENT_DATE',
    ],
    [
      'a capturedAt with a time but no offset',
      { consent: { source: 'web', capturedAt: '2024-05-01T10:30:00', evidence: 'x' } },
      'INVALID_CONSENT_DATE',
    ],
    [
      'a capturedAt tomorrow',
      { consent: { source: 'web', capturedAt: '2026-11-23', evidence: 'x' } },
      'CONSENT_DATE_IN_FUTURE',
    ],
  ])('refuses %s', (_, extra, code) => {
    expect(codeOf(row(extra))).toBe(code);
  });

  it('accepts a date-only capturedAt, and one a minute ahead of Crier’s clock', () => {
    expect(
      codeOf(row({ consent: { source: 'web', capturedAt: '2024-05-01', evidence: 'x' } })),
    ).toBe('OK');
    expect(
      codeOf(
        row({ consent: { source: 'web', capturedAt: '2026-11-22T09:01:00Z', evidence: 'x' } }),
      ),
    ).toBe('OK');
  });

  it('never repeats the number in a message', () => {
    const checked = checkImportRow(row({ phone: '020 7946 001' }), context);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).not.toMatch(/7946/);
  });
});

describe('planImport', () => {
  it('keeps valid entries by index, reports invalid ones, and refuses a number given twice', () => {
    const plan = planImport(
      [row(), row({ areas: [] }), row({ phone: '+447700900123' }), row({ phone: '07700 900124' })],
      context,
    );
    expect(plan.valid.map((entry) => entry.index)).toEqual([0, 3]);
    expect(plan.invalid.map(({ index, code }) => ({ index, code }))).toEqual([
      { index: 1, code: 'NO_AREAS' },
      { index: 2, code: 'DUPLICATE_IN_IMPORT' },
    ]);
    expect(plan.invalid[1].message).toBe('This number is already in entry 0 of this import.');
  });
});
