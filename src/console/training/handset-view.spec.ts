import { describe, expect, it } from 'vitest';
import type { ChannelView } from '../../channels/dto/channel.dto.js';
import { trainingResidents } from './handset-view.js';
import type { SimulatorMessage } from './simulator-records.js';
import { inboundFields } from './training-simulator.client.js';

const channel = {
  name: 'Example Borough Council',
  whatsapp: { phoneNumberId: '100000000000001', displayPhoneNumber: '+44 1632 960000' },
} as ChannelView;
const message = (to: string): SimulatorMessage => ({
  id: `wamid.${to}`,
  to,
  phoneNumberId: '100000000000001',
  type: 'text',
  payload: { body: 'Hello' },
  buttons: [],
  at: '2026-11-22T08:00:00.000Z',
});

describe('the training page', () => {
  it('lists the demo residents first, then other drama numbers the simulator reached, never others', () => {
    const residents = trainingResidents(
      [message('+447700900100'), message('+447700900900'), message('+447400123456')],
      [channel],
    );
    expect(residents).toHaveLength(17);
    expect(residents[0]).toEqual({
      masked: '+44 •••••••100',
      path: '/console/training/handsets/07700900100',
      demo: true,
      received: 1,
      channels: ['Example Borough Council (100000000000001)'],
    });
    expect(residents[16]).toMatchObject({ masked: '+44 •••••••900', demo: false, received: 1 });
    expect(JSON.stringify(residents)).not.toContain('123456');
  });

  it("posts each action as the simulator's /_sim/inbound fields", () => {
    expect(inboundFields({ kind: 'text', text: 'STOP' })).toEqual({ text: 'STOP' });
    expect(inboundFields({ kind: 'button_reply', id: 'join-done', context: 'w1' })).toEqual({
      buttonReplyId: 'join-done',
      context: 'w1',
    });
    expect(
      inboundFields({ kind: 'quick_reply', payload: 'p', text: 'Confirm', context: 'w2' }),
    ).toEqual({ buttonPayload: 'p', buttonText: 'Confirm', context: 'w2' });
    expect(inboundFields({ kind: 'list_reply', id: 'join-area:eastmoor', context: 'w3' })).toEqual({
      listReplyId: 'join-area:eastmoor',
      context: 'w3',
    });
  });
});
