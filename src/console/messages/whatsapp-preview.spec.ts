import { describe, expect, it } from 'vitest';
import { whatsappPreview } from './whatsapp-preview.js';

describe('the WhatsApp preview', () => {
  it('reads a template message as its parameters, and says which template carries them', () => {
    expect(
      whatsappPreview('Council', {
        kind: 'template',
        templateName: 'area_alert',
        language: 'en_GB',
        parameters: ['Roads gritted.', ' ', 'Take care.'],
      }),
    ).toEqual({
      sender: 'Council',
      text: 'Roads gritted.\n\nTake care.',
      meta: 'Template area_alert (en_GB)',
      time: undefined,
      empty: false,
    });
  });

  it('shows a text message as written, and says when there is nothing yet', () => {
    expect(whatsappPreview('Youth', { kind: 'text', body: 'Hi\nthere' }, '14:05')).toMatchObject({
      text: 'Hi\nthere',
      meta: 'Text message',
      time: '14:05',
    });
    expect(whatsappPreview('Youth', { kind: 'text', body: '  ' }).empty).toBe(true);
  });

  it('shows a poll’s options as buttons, a list behind one button, or a template’s quick replies', () => {
    const text = (options: string[]) =>
      whatsappPreview('Council', { kind: 'text', body: 'Which?', poll: { options } }).poll;
    expect(text(['Yes', 'No', ' '])).toEqual({ style: 'buttons', options: ['Yes', 'No'] });
    expect(text(['Mon', 'Tue', 'Wed', 'Thu'])).toEqual({
      style: 'list',
      options: ['Mon', 'Tue', 'Wed', 'Thu'],
      listButton: 'Choose an answer',
    });
    expect(text([])).toBeUndefined();
    expect(whatsappPreview('Council', { kind: 'text', body: 'No poll' })).not.toHaveProperty(
      'poll',
    );
    expect(
      whatsappPreview('Council', {
        kind: 'template',
        templateName: 'snap_poll',
        language: 'en_GB',
        parameters: ['Which?'],
        poll: { options: ['Mon', 'Tue', 'Wed', 'Thu'] },
      }).poll,
    ).toEqual({ style: 'buttons', options: ['Mon', 'Tue', 'Wed', 'Thu'] });
  });
});
