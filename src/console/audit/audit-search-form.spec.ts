import { describe, expect, it } from 'vitest';
import { parseDate, parseSearch, searchLink } from './audit-search-form.js';

const ID = '0b5c3f7e-1d2a-4c8b-9e6f-2a7d4b1c9e05';

describe('parseSearch', () => {
  it('asks for everything, from the start, when nothing is filtered', () => {
    const parsed = parseSearch({});
    expect(parsed.errors).toEqual([]);
    expect(parsed.filtered).toBe(false);
    expect(parsed.query).toEqual({ afterSeq: 0, limit: 50 });
  });

  it('turns the fields into the query service’s filters, dates on UK time', () => {
    const parsed = parseSearch({
      type: 'message.*',
      actor: ID,
      messageId: ID.toUpperCase(),
      'from-day': '1',
      'from-month': '7',
      'from-year': '2026',
      'from-time': '9:30',
      'to-day': '2',
      'to-month': '7',
      'to-year': '2026',
      afterSeq: '120',
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.query).toEqual({
      afterSeq: 120,
      limit: 50,
      type: 'message.*',
      actor: ID,
      messageId: ID,
      // 09:30 BST; a `to` date with no time takes in the whole day.
      from: '2026-07-01T08:30:00.000Z',
      to: '2026-07-02T23:00:00.000Z',
    });
  });

  it('names each problem with a link to its field, and asks for nothing', () => {
    const parsed = parseSearch({
      type: 'Message.Approved',
      staff: 'x',
      'from-day': '30',
      'from-month': '2',
      'from-year': '2026',
      'to-month': '3',
      'to-year': '2026',
      'to-time': '12:00',
    });
    expect(parsed.query).toBeNull();
    expect(parsed.errors.map((error) => error.href)).toEqual([
      '#type',
      '#staff',
      '#from-day',
      '#to-day',
    ]);
    expect(parsed.fieldErrors.from).toBe('From must be a real date');
    expect(parsed.fieldErrors.to).toBe('To must include a day');
    expect(parsed.dateParts).toMatchObject({ 'from-day': true, 'to-day': true });
    expect(parsed.values.type).toBe('Message.Approved');
  });

  it('refuses a `to` that is not after `from`', () => {
    const parsed = parseSearch({
      'from-day': '2',
      'from-month': '3',
      'from-year': '2026',
      'to-day': '1',
      'to-month': '3',
      'to-year': '2026',
    });
    expect(parsed.errors).toEqual([{ text: 'To must be after From', href: '#to-day' }]);
  });
});

describe('parseDate', () => {
  const fields = { day: '29', month: '3', year: '2026', time: '' };
  it('reads a time and refuses a bad one', () => {
    expect(parseDate({ ...fields, time: '14.05' }, 'from', 'From')).toMatchObject({ kind: 'ok' });
    expect(parseDate({ ...fields, time: '24:00' }, 'from', 'From')).toMatchObject({
      kind: 'error',
      href: '#from-time',
    });
    expect(parseDate({ day: '', month: '', year: '', time: '10:00' }, 'to', 'To')).toMatchObject({
      kind: 'error',
      message: 'To must include a date',
    });
    expect(parseDate({ ...fields, year: '26' }, 'from', 'From')).toMatchObject({ kind: 'error' });
  });
  it('includes the whole of the `to` minute', () => {
    const result = parseDate({ ...fields, time: '10:00' }, 'to', 'To');
    expect(result.kind === 'ok' && result.at.toUTC().toISO()).toBe('2026-03-29T09:01:00.000Z');
  });
});

describe('searchLink', () => {
  it('repeats the search from another event, leaving out empty fields', () => {
    const { values } = parseSearch({ type: 'message.*', 'from-year': '2026' });
    expect(searchLink(values, 50)).toBe('/console/audit?type=message.*&from-year=2026&afterSeq=50');
    expect(searchLink(parseSearch({}).values)).toBe('/console/audit');
  });
});
