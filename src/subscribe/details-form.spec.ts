import { describe, expect, it } from 'vitest';
import { badInput, tooMany } from '../common/errors/crier-error.js';
import { detailsProblems, errorsFor, problemFor, readDetails } from './details-form.js';
import { en } from './i18n/en.js';

const complete = { phone: '07700 900123', postcode: 'EB1 1AA', topics: 'gritting', consent: 'yes' };

describe('readDetails', () => {
  it('reads one ticked topic, several, or none', () => {
    expect(readDetails(complete)).toEqual({
      phone: '07700 900123',
      postcode: 'EB1 1AA',
      topics: ['gritting'],
      consent: true,
    });
    expect(readDetails({ topics: ['bins', 'roads', 'bins'] }).topics).toEqual(['bins', 'roads']);
    expect(readDetails({}).topics).toEqual([]);
  });

  it('reads anything of the wrong shape as empty', () => {
    expect(readDetails(undefined)).toEqual({ phone: '', postcode: '', topics: [], consent: false });
    expect(readDetails({ phone: ['a'], consent: 'on', topics: [1] })).toEqual({
      phone: '',
      postcode: '',
      topics: [],
      consent: false,
    });
  });
});

describe('detailsProblems', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(detailsProblems(readDetails(complete))).toEqual([]);
  });

  it('lists every problem at once, in the order of the form', () => {
    expect(detailsProblems(readDetails({})).map((p) => p.field)).toEqual([
      'phone',
      'postcode',
      'topics',
      'consent',
    ]);
  });

  it('refuses a number that is not a phone number', () => {
    for (const phone of ['123', 'call me', '0'.repeat(41)]) {
      expect(detailsProblems(readDetails({ ...complete, phone }))).toEqual([
        { field: 'phone', message: 'phone' },
      ]);
    }
  });

  it('refuses a topic code no form could post', () => {
    expect(detailsProblems(readDetails({ ...complete, topics: 'not a code!' }))).toEqual([
      { field: 'topics', message: 'topicsUnknown' },
    ]);
  });
});

describe('problemFor', () => {
  it("puts the service's refusals on their fields", () => {
    expect(problemFor(badInput('UNKNOWN_POSTCODE', 'x'))).toEqual({
      field: 'postcode',
      message: 'postcodeUnknown',
    });
    expect(problemFor(badInput('INVALID_PHONE_NUMBER', 'x'))?.field).toBe('phone');
    expect(problemFor(badInput('UNKNOWN_TOPIC', 'x'))?.field).toBe('topics');
    expect(problemFor(tooMany('RATE_LIMITED', 'x'))).toBeNull();
  });
});

describe('errorsFor', () => {
  it('links each summary line to its field and gives each field its message', () => {
    const { summary, fields } = errorsFor(
      [
        { field: 'phone', message: 'phone' },
        { field: 'consent', message: 'consent' },
      ],
      en.errors,
    );
    expect(summary).toEqual([
      { text: 'Enter a UK mobile number, like 07700 900123', href: '#phone' },
      { text: en.errors.consent, href: '#consent' },
    ]);
    expect(fields).toEqual({
      phone: { text: 'Enter a UK mobile number, like 07700 900123' },
      consent: { text: en.errors.consent },
    });
  });
});
