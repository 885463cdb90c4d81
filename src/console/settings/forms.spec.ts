import { describe, expect, it } from 'vitest';
import { conflict } from '../../common/errors/crier-error.js';
import { errorsByField, expectedRefusal, listField, textField, wholeNumber } from './forms.js';

describe('form helpers', () => {
  it('reads a text field trimmed, and the first of a repeated one', () => {
    expect(textField({ name: '  Sam ' }, 'name')).toBe('Sam');
    expect(textField({ name: ['a', 'b'] }, 'name')).toBe('a');
    expect(textField({}, 'name')).toBe('');
  });

  it('reads checkboxes as a list without blanks or repeats', () => {
    expect(listField({ roles: 'officer' }, 'roles')).toEqual(['officer']);
    expect(listField({ roles: ['officer', '', 'officer', 'admin'] }, 'roles')).toEqual([
      'officer',
      'admin',
    ]);
    expect(listField({}, 'roles')).toEqual([]);
  });

  it('reads whole numbers only', () => {
    expect(wholeNumber('80')).toBe(80);
    for (const text of ['', '1.5', '-1', '1e3', ' 8']) expect(wholeNumber(text)).toBeUndefined();
  });

  it('gives each field its first problem', () => {
    expect(
      errorsByField([
        { text: 'one', href: '#a' },
        { text: 'two', href: '#a' },
        { text: 'three', href: '#b' },
      ]),
    ).toEqual({ a: { text: 'one' }, b: { text: 'three' } });
  });

  it('turns only the expected domain refusals into problems', () => {
    const taken = conflict('STAFF_EMAIL_TAKEN', 'Taken.');
    expect(expectedRefusal(taken, { STAFF_EMAIL_TAKEN: '#email' })).toEqual({
      text: 'Taken.',
      href: '#email',
    });
    expect(expectedRefusal(taken, { LAST_ADMIN: '#roles' })).toBeUndefined();
    expect(expectedRefusal(new Error('boom'), { STAFF_EMAIL_TAKEN: '#email' })).toBeUndefined();
  });
});
