import { describe, expect, it } from 'vitest';
import type { E164 } from '../../phone-numbers/phone-number.js';
import { type ResidentMessage, WhatsAppEvents } from './whatsapp-events.js';

const message: ResidentMessage = {
  id: 'm1',
  providerMessageId: 'wamid.1',
  channelId: 'c1',
  from: '+447700900123' as E164,
  kind: 'text',
  body: 'STOP',
  replyId: null,
  contextId: null,
  sentAt: new Date('2026-12-04T10:00:00Z'),
};

describe('WhatsAppEvents', () => {
  it('shows every message to the observers first, then offers it to handlers in order', async () => {
    const events = new WhatsAppEvents();
    const seen: string[] = [];
    events.onResidentMessage('first', () => {
      seen.push('first');
      return Promise.resolve(true);
    });
    events.onResidentMessage('second', () => {
      seen.push('second');
      return Promise.resolve(true);
    });
    events.observeResidentMessages(() => {
      seen.push('observer');
      return Promise.resolve();
    });
    expect(await events.residentMessage(message)).toBe('first');
    expect(seen).toEqual(['observer', 'first']);
  });

  it('answers null when no handler takes the message, the observers having seen it', async () => {
    const events = new WhatsAppEvents();
    let observed = 0;
    events.observeResidentMessages(() => {
      observed += 1;
      return Promise.resolve();
    });
    events.onResidentMessage('nobody', () => Promise.resolve(false));
    expect(await events.residentMessage(message)).toBeNull();
    expect(observed).toBe(1);
  });
});
