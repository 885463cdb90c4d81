import { describe, expect, it } from 'vitest';
import type { E164 } from '../../phone-numbers/phone-number.js';
import { handsetPath, maskedTrainingNumber, trainingNumber } from './training-number.js';

describe('training numbers', () => {
  it("accepts Ofcom's drama range however it is typed", () => {
    for (const typed of ['07700 900123', '+44 7700 900123', '07700900123', '0044 7700 900123']) {
      expect(trainingNumber(typed)).toBe('+447700900123');
    }
    expect(trainingNumber('07700 900000')).toBe('+447700900000');
    expect(trainingNumber('07700 900999')).toBe('+447700900999');
  });

  it('refuses every other number, so a trainee cannot message a real person', () => {
    for (const typed of [
      '07700 901000',
      '07400 123456',
      '+1 202 555 0100',
      'hello',
      '',
      '077009001234',
    ]) {
      expect(trainingNumber(typed)).toBeNull();
    }
  });

  it('masks all but the last three digits, and addresses the handset by its national digits', () => {
    const phone = '+447700900105' as E164;
    expect(maskedTrainingNumber(phone)).toBe('+44 •••••••105');
    expect(maskedTrainingNumber(phone)).not.toContain('7700');
    expect(handsetPath(phone)).toBe('/console/training/handsets/07700900105');
  });
});
