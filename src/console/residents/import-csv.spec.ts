import { describe, expect, it } from 'vitest';
import { IMPORT_EXAMPLE, codeList, parseImportCsv, readCsv } from './import-csv.js';

const HEADER = 'phone,areas,topics,consent_source,consent_captured_at,consent_evidence';

describe('parseImportCsv', () => {
  it('reads the example into the rows the import service takes, with their lines', () => {
    const csv = parseImportCsv(IMPORT_EXAMPLE);
    expect(csv.problem).toBeUndefined();
    expect(csv.lines).toEqual([2, 3]);
    expect(csv.rows).toEqual([
      {
        phone: '07700 900123',
        areas: ['northfield'],
        topics: ['gritting', 'roads'],
        consent: {
          source: 'paper form at Northfield library',
          capturedAt: '2024-05-01',
          evidence: 'Form 118',
        },
      },
      {
        phone: '+447700900124',
        areas: ['southbank', 'eastmoor'],
        topics: ['bins'],
        consent: {
          source: 'council website',
          capturedAt: '2024-06-12T09:15:00+01:00',
          evidence: 'Web form, reference 2231',
        },
      },
    ]);
  });

  it('reads columns in any order, skips blank lines and keeps file line numbers', () => {
    const csv = parseImportCsv(
      '\uFEFFConsent_Evidence,phone,areas,topics,consent_source,consent_captured_at\r\n\r\nF1,07700 900125,a,t,s,2024-01-01\r\n',
    );
    expect(csv.lines).toEqual([3]);
    expect(csv.rows[0]).toMatchObject({ phone: '07700 900125', consent: { evidence: 'F1' } });
  });

  it('leaves missing values empty for the service to report', () => {
    const csv = parseImportCsv(`${HEADER}\n07700 900126`);
    expect(csv.rows).toEqual([
      {
        phone: '07700 900126',
        areas: [],
        topics: [],
        consent: { source: '', capturedAt: '', evidence: '' },
      },
    ]);
  });

  it('refuses text it cannot read as a whole', () => {
    expect(parseImportCsv('').problem).toMatch(/Enter the CSV/);
    expect(parseImportCsv('phone,areas\n1,2').problem).toMatch(
      /Missing: topics, consent_source, consent_captured_at, consent_evidence/,
    );
    expect(parseImportCsv(HEADER).problem).toMatch(/no residents/);
    expect(parseImportCsv(`${HEADER}\n1,"open`).problem).toMatch(/quoted value/);
  });
});

describe('readCsv', () => {
  it('handles quotes, doubled quotes and line breaks inside quotes', () => {
    expect(readCsv('a,"b, c","say ""hi""\nthere"\nd')).toEqual([
      { fields: ['a', 'b, c', 'say "hi"\nthere'], line: 1 },
      { fields: ['d'], line: 3 },
    ]);
  });
});

describe('codeList', () => {
  it('splits on spaces and semicolons', () => {
    expect(codeList(' northfield; southbank  eastmoor;')).toEqual([
      'northfield',
      'southbank',
      'eastmoor',
    ]);
  });
});
