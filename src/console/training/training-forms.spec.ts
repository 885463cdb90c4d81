import { describe, expect, it } from 'vitest';
import { parseTapForm, parseTextForm } from './training-forms.js';

describe('training handset forms', () => {
  it('takes typed text as it is, and asks for some when there is none', () => {
    expect(parseTextForm({ text: ' STOP ' })).toEqual({ kind: 'text', text: ' STOP ' });
    expect(parseTextForm({ text: '  ' })).toEqual({
      error: { text: 'Enter a message to send', href: '#reply-text' },
    });
    expect(parseTextForm({})).toHaveProperty('error');
    expect(parseTextForm({ text: 'x'.repeat(4097) })).toHaveProperty(
      'error.text',
      'Message must be 4096 characters or fewer',
    );
  });

  it('reads a tap only with a known kind, the message answered and the option', () => {
    expect(
      parseTapForm({ kind: 'list_reply', context: 'wamid.1', option: 'join-area:eastmoor' }),
    ).toEqual({ kind: 'list_reply', context: 'wamid.1', option: 'join-area:eastmoor' });
    expect(parseTapForm({ kind: 'text', context: 'wamid.1', option: 'x' })).toBeNull();
    expect(parseTapForm({ kind: 'button_reply', option: 'x' })).toBeNull();
    expect(parseTapForm({ kind: 'quick_reply', context: 'wamid.1' })).toBeNull();
  });
});
