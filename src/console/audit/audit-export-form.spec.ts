import { describe, expect, it } from 'vitest';
import { parseExport } from './audit-export-form.js';

const ID = '0b5c3f7e-1d2a-4c8b-9e6f-2a7d4b1c9e05';

describe('parseExport', () => {
  it('shows the form when nothing is asked for', () => {
    expect(parseExport({}).kind).toBe('empty');
  });

  it('exports one message, or a range, with a file name saying which', () => {
    expect(parseExport({ messageId: ID })).toMatchObject({
      kind: 'ok',
      scope: { messageId: ID },
      filename: `crier-evidence-${ID}.json`,
    });
    expect(parseExport({ fromSeq: '1', toSeq: '20' })).toMatchObject({
      kind: 'ok',
      scope: { fromSeq: 1, toSeq: 20 },
      filename: 'crier-evidence-1-20.json',
    });
  });

  it('names what is wrong', () => {
    const problems = (raw: Record<string, unknown>) => {
      const parsed = parseExport(raw);
      return parsed.kind === 'error' ? parsed.errors.map((error) => error.href) : [];
    };
    expect(problems({ messageId: 'abc' })).toEqual(['#messageId']);
    expect(problems({ messageId: ID, fromSeq: '1' })).toEqual(['#messageId']);
    expect(problems({ fromSeq: '0', toSeq: 'x' })).toEqual(['#fromSeq', '#toSeq']);
    expect(problems({ fromSeq: '9', toSeq: '3' })).toEqual(['#toSeq']);
    expect(problems({ toSeq: '3' })).toEqual(['#fromSeq']);
  });
});
