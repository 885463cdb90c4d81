import { describe, expect, it } from 'vitest';
import { errorsByField, parseMasterListText, parsePhoneField, ticked } from './residents-forms.js';

describe('parsePhoneField', () => {
  it('reads a UK number written nationally and masks it', () => {
    expect(parsePhoneField({ phone: ' 07700 900123 ' })).toEqual({
      ok: true,
      phone: '+447700900123',
      masked: '+44 •••••••123',
    });
  });

  it('asks for a number when it is missing or not one', () => {
    expect(parsePhoneField({})).toMatchObject({ ok: false, problem: { href: '#phone' } });
    const wrong = parsePhoneField({ phone: 'call me' });
    expect(wrong).toMatchObject({ ok: false, typed: 'call me' });
    expect(!wrong.ok && wrong.problem.text).toMatch(/like 07700 900123/);
  });
});

describe('parseMasterListText', () => {
  it('reads one number per line, skipping blanks and keeping line numbers', () => {
    expect(parseMasterListText('07700 900123\r\n\n"+447700900124"\n  \nnot a number')).toEqual({
      ok: true,
      phones: ['07700 900123', '+447700900124', 'not a number'],
      lines: [1, 3, 5],
    });
  });

  it('refuses an empty list: it would unsubscribe everyone', () => {
    expect(parseMasterListText(' \n ')).toMatchObject({ ok: false, problem: { href: '#phones' } });
  });
});

describe('form helpers', () => {
  it('takes only "yes" as a tick', () => {
    expect(ticked({ confirm: 'yes' }, 'confirm')).toBe(true);
    expect(ticked({}, 'confirm')).toBe(false);
  });

  it('keeps the first problem per field', () => {
    expect(
      errorsByField([
        { text: 'a', href: '#x' },
        { text: 'b', href: '#x' },
      ]),
    ).toEqual({ x: { text: 'a' } });
  });
});
