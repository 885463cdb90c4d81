import { describe, expect, it } from 'vitest';
import { parseCancelForm } from './cancel-form.js';

describe('parseCancelForm', () => {
  it('accepts a reason, trimmed', () => {
    expect(parseCancelForm({ reason: '  Flood warning lifted. ' })).toEqual({
      ok: true,
      reason: 'Flood warning lifted.',
    });
  });

  it('asks for a missing or blank reason, pointing at the field', () => {
    for (const body of [{}, { reason: '   ' }, undefined, { reason: ['a'] }]) {
      expect(parseCancelForm(body)).toMatchObject({
        ok: false,
        error: { text: 'Enter why you are cancelling the remaining sends', href: '#reason' },
      });
    }
  });

  it('refuses a reason over 500 characters, keeping what was typed', () => {
    const long = 'a'.repeat(501);
    expect(parseCancelForm({ reason: long })).toMatchObject({ ok: false, reason: long });
  });
});
