import { describe, expect, it } from 'vitest';
import { GraphError } from './graph-error.js';
import { validateMessage } from './validate-message.js';

const base = { messaging_product: 'whatsapp', to: '+447400123456' };
const buttons = (n: number, title = 'Yes') =>
  Array.from({ length: n }, (_, i) => ({ type: 'reply', reply: { id: `b${i}`, title } }));
const rows = (n: number, title = 'Row') =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title }));
const buttonMessage = (list: unknown[], body = 'Pick one') => ({
  ...base,
  type: 'interactive',
  interactive: { type: 'button', body: { text: body }, action: { buttons: list } },
});
const listMessage = (sections: unknown[]) => ({
  ...base,
  type: 'interactive',
  interactive: { type: 'list', body: { text: 'Pick' }, action: { button: 'Choose', sections } },
});

function codeOf(body: unknown): number | null {
  try {
    validateMessage(body);
    return null;
  } catch (error) {
    return error instanceof GraphError ? error.code : -1;
  }
}

describe('validateMessage', () => {
  it('accepts the three types and keeps the digits as wa_id', () => {
    const text = validateMessage({ ...base, type: 'text', text: { body: 'hello' } });
    expect(text).toMatchObject({ waId: '447400123456', type: 'text', payload: { body: 'hello' } });
    expect(codeOf(buttonMessage(buttons(3)))).toBeNull();
    expect(codeOf(listMessage([{ rows: rows(5) }, { rows: rows(5) }]))).toBeNull();
    const template = validateMessage({
      ...base,
      type: 'template',
      template: {
        name: 'area_alert',
        language: { code: 'en_GB' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Road closed' }] }],
      },
    });
    expect(template.template).toEqual({
      name: 'area_alert',
      languageCode: 'en_GB',
      bodyParameterCount: 1,
      buttons: [],
    });
  });

  it("reads a template's quick-reply payloads by button index, given as a string or a number", () => {
    const quickReply = (index: unknown, parameters: unknown[]) => ({
      ...base,
      type: 'template',
      template: {
        name: 'subscription_confirmation',
        language: { code: 'en_GB' },
        components: [{ type: 'button', sub_type: 'quick_reply', index, parameters }],
      },
    });
    const payload = (text: string) => ({ type: 'payload', payload: text });
    expect(validateMessage(quickReply('1', [payload('NO')])).template?.buttons).toEqual([
      { index: 1, subType: 'quick_reply', payload: 'NO' },
    ]);
    expect(validateMessage(quickReply(0, [payload('YES')])).template?.buttons).toEqual([
      { index: 0, subType: 'quick_reply', payload: 'YES' },
    ]);
    expect(codeOf(quickReply(undefined, [payload('YES')]))).toBe(131008);
    expect(codeOf(quickReply('10', [payload('YES')]))).toBe(100);
    expect(codeOf(quickReply('first', [payload('YES')]))).toBe(100);
    expect(codeOf(quickReply('0', [{ type: 'text', text: 'YES' }]))).toBe(100);
    expect(codeOf(quickReply('0', []))).toBe(100);
    expect(codeOf(quickReply('0', [{ type: 'payload' }]))).toBe(131008);
    const twice = quickReply('0', [payload('YES')]);
    twice.template.components.push(twice.template.components[0]);
    expect(codeOf(twice)).toBe(100);
  });

  it('treats a missing type as text, as Meta does', () => {
    expect(validateMessage({ ...base, text: { body: 'hi' } }).type).toBe('text');
  });

  it('answers 100 for a wrong product, number, type or shape', () => {
    expect(codeOf('text')).toBe(100);
    expect(codeOf({ ...base, messaging_product: 'sms', text: { body: 'x' } })).toBe(100);
    expect(codeOf({ ...base, to: 'nobody', text: { body: 'x' } })).toBe(100);
    expect(codeOf({ ...base, type: 'image', image: {} })).toBe(100);
    expect(codeOf({ ...base, type: 'text', text: 'x' })).toBe(100);
  });

  it('answers 131008 for missing parameters', () => {
    expect(codeOf({ to: '+447400123456', text: { body: 'x' } })).toBe(131008);
    expect(codeOf({ ...base, type: 'text' })).toBe(131008);
    expect(codeOf({ ...base, type: 'text', text: {} })).toBe(131008);
    expect(codeOf({ ...base, type: 'template', template: { name: 'area_alert' } })).toBe(131008);
  });

  it('answers 131009 past the length and count limits', () => {
    expect(codeOf({ ...base, text: { body: 'x'.repeat(4096) } })).toBeNull();
    expect(codeOf({ ...base, text: { body: 'x'.repeat(4097) } })).toBe(131009);
    expect(codeOf(buttonMessage(buttons(4)))).toBe(131009);
    expect(codeOf(buttonMessage(buttons(1, 'x'.repeat(20))))).toBeNull();
    expect(codeOf(buttonMessage(buttons(1, 'x'.repeat(21))))).toBe(131009);
    expect(codeOf(buttonMessage(buttons(1), 'x'.repeat(1025)))).toBe(131009);
    expect(codeOf(listMessage([{ rows: rows(6) }, { rows: rows(5) }]))).toBe(131009);
    expect(codeOf(listMessage([{ rows: rows(1, 'x'.repeat(24)) }]))).toBeNull();
    expect(codeOf(listMessage([{ rows: rows(1, 'x'.repeat(25)) }]))).toBe(131009);
  });
});
