import { describe, expect, it } from 'vitest';
import {
  parseAudienceForm,
  parsePostcodeForm,
  parseServiceForm,
  parseThroughputForm,
} from './simple-forms.js';

describe('the small settings forms', () => {
  it('needs a service name of up to 120 characters', () => {
    expect(parseServiceForm({ name: ' Highways ' })).toEqual({ name: 'Highways', problems: [] });
    expect(parseServiceForm({ name: '' }).problems).toHaveLength(1);
    expect(parseServiceForm({ name: 'x'.repeat(121) }).problems).toHaveLength(1);
  });

  it('checks an area or topic code and name, pointing at that form', () => {
    expect(parseAudienceForm({ code: 'north-1', name: 'North' }, 'area').problems).toEqual([]);
    const bad = parseAudienceForm({ code: 'has space', name: '' }, 'topic');
    expect(bad.problems.map((problem) => problem.href)).toEqual(['#topic-code', '#topic-name']);
  });

  it.each(['1', '80', '1000'])('accepts a throughput of %s', (text) => {
    expect(parseThroughputForm({ throughputPerSecond: text }).perSecond).toBe(Number(text));
  });

  it.each(['0', '1001', '2.5', 'fast', ''])('refuses a throughput of "%s"', (text) => {
    const { perSecond, problems } = parseThroughputForm({ throughputPerSecond: text });
    expect(perSecond).toBeUndefined();
    expect(problems[0]?.href).toBe('#throughputPerSecond');
  });

  it('needs some CSV to import', () => {
    expect(parsePostcodeForm({ csv: '  \n' }).problems).toHaveLength(1);
    expect(parsePostcodeForm({ csv: 'postcode,area' }).problems).toEqual([]);
  });
});
