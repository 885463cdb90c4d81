import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads plain records with LF, CRLF or CR line endings', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      expect(parseCsv(['postcode,area', 'NF1 2AB,northfield'].join(newline))).toEqual([
        { line: 1, fields: ['postcode', 'area'] },
        { line: 2, fields: ['NF1 2AB', 'northfield'] },
      ]);
    }
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b\r\n"NF1, 2AB","say ""hi"""\r\n"two\r\nlines",x\r\nlast,""\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['NF1, 2AB', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'x'] },
      { line: 5, fields: ['last', ''] },
    ]);
  });

  it('leaves out blank lines but counts them, and keeps empty fields', () => {
    expect(parseCsv('a,b\n\n\n,\nc,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['', ''] },
      { line: 5, fields: ['c', ''] },
    ]);
  });

  it('ignores a byte-order mark', () => {
    expect(parseCsv('\uFEFFpostcode,area')).toEqual([{ line: 1, fields: ['postcode', 'area'] }]);
  });

  it('reports text after a closing quote as that record malformed, and reads on', () => {
    const records = parseCsv('"NF1 2AB"x,northfield\nNF1 2AD,northfield');
    expect(records[0]?.line).toBe(1);
    expect(records[0]?.malformed).toMatch(/followed by other text/);
    expect(records[1]).toEqual({ line: 2, fields: ['NF1 2AD', 'northfield'] });
  });

  it('reports a quote left open to the end of the file', () => {
    const records = parseCsv('a,b\nNF1 2AB,"northfield\nNF1 2AD,southbank\n');
    expect(records).toHaveLength(2);
    expect(records[1]?.line).toBe(2);
    expect(records[1]?.malformed).toMatch(/not closed/);
  });

  it('reads nothing from an empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\r\n')).toEqual([]);
  });
});
