import { describe, expect, it } from 'vitest';
import { CrierError } from '../common/errors/crier-error.js';
import { planPostcodeImport } from './postcode-import.js';

const AREAS = new Set(['northfield', 'southbank']);

describe('planPostcodeImport', () => {
  it('maps valid lines and reports every other line by its number', () => {
    const csv = [
      'postcode,area',
      'nf12ab,northfield',
      ' NF1 2AD ,southbank',
      'not a postcode,northfield',
      'NF1 2AE,Northfield',
      'NF1 2AF,',
      ',northfield',
      'NF1 2AB,southbank',
      '"NF1 2AG"x,northfield',
      'NF1',
    ].join('\r\n');
    const plan = planPostcodeImport(csv, AREAS);
    expect(plan.mappings).toEqual([
      { postcode: 'NF1 2AB', areaCode: 'northfield' },
      { postcode: 'NF1 2AD', areaCode: 'southbank' },
    ]);
    expect(plan.errors.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 4, code: 'INVALID_POSTCODE' },
      { line: 5, code: 'UNKNOWN_AREA' },
      { line: 6, code: 'MISSING_COLUMN' },
      { line: 7, code: 'MISSING_COLUMN' },
      { line: 8, code: 'DUPLICATE_IN_IMPORT' },
      { line: 9, code: 'MALFORMED_LINE' },
      { line: 10, code: 'MISSING_COLUMN' },
    ]);
  });

  it('finds the columns by name in any order and ignores the others', () => {
    const csv = 'pcds,Area,Postcode,lat\r\nNF1 2AB,northfield,"NF1 2AD",51.5\r\n';
    expect(planPostcodeImport(csv, AREAS).mappings).toEqual([
      { postcode: 'NF1 2AD', areaCode: 'northfield' },
    ]);
  });

  it.each(['', 'postcode\nNF1 2AB', 'NF1 2AB,northfield', '"postcode,area'])(
    'refuses the whole file when the header lacks a column: %j',
    (csv) => {
      expect(() => planPostcodeImport(csv, AREAS)).toThrow(CrierError);
    },
  );
});
