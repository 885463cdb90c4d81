import { describe, expect, it } from 'vitest';
import {
  cancelReasonFrom,
  composeValuesFrom,
  composeValuesOf,
  draftInputFrom,
  emptyComposeValues,
  sendAtFrom,
} from './compose-form.js';
import type { MessageView } from '../../messages/dto/message-view.dto.js';

const CHANNEL = '0b9c7e4e-1d2f-4a55-8f0e-2f6a1b7c9d10';
const filled = (extra: Record<string, unknown> = {}) =>
  composeValuesFrom({
    channelId: CHANNEL,
    kind: 'template',
    templateName: 'area_alert',
    language: 'en_GB',
    parameters: 'Gritting tonight.',
    areas: ['northfield'],
    topics: 'gritting',
    priority: 'routine',
    ...extra,
  });

describe('the compose form', () => {
  it('reads a posted form, one checkbox or several', () => {
    const values = filled();
    expect(values.areas).toEqual(['northfield']);
    expect(values.topics).toEqual(['gritting']);
    expect(values.parameters).toEqual(['Gritting tonight.']);
    expect(composeValuesFrom({}).parameters).toEqual(['']);
    expect(composeValuesFrom({ kind: 'other', priority: 'other' })).toMatchObject({
      kind: 'template',
      priority: 'routine',
    });
  });

  it('turns good values into the API’s create input', () => {
    expect(draftInputFrom(filled())).toEqual({
      errors: [],
      input: {
        channelId: CHANNEL,
        content: {
          kind: 'template',
          templateName: 'area_alert',
          language: 'en_GB',
          parameters: ['Gritting tonight.'],
        },
        audience: { areas: ['northfield'], topics: ['gritting'] },
        priority: 'routine',
        sendAt: null,
        emergencyReason: null,
      },
    });
    const text = draftInputFrom(filled({ kind: 'text', body: 'Hello' }));
    expect(text.input.content).toEqual({ kind: 'text', body: 'Hello' });
  });

  it('names each problem with the field to fix', () => {
    const { errors } = draftInputFrom(
      composeValuesFrom({
        kind: 'text',
        body: 'x'.repeat(4097),
        priority: 'emergency',
        emergencyReason: 'abc',
      }),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'channelId',
      'body',
      'areas',
      'topics',
      'emergencyReason',
    ]);
    expect(errors[1].text).toBe('The message must be 4096 characters or fewer');
    const template = draftInputFrom(
      filled({ templateName: 'Area Alert', language: 'english', parameters: ['', 'ok'] }),
    );
    expect(template.errors.map((e) => e.field)).toEqual([
      'templateName',
      'language',
      'parameters-1',
    ]);
  });

  it('leaves an emergency without a reason for the domain to refuse', () => {
    const { input, errors } = draftInputFrom(filled({ priority: 'emergency' }));
    expect(errors).toEqual([]);
    expect(input.emergencyReason).toBeNull();
    expect(
      draftInputFrom(filled({ priority: 'routine', emergencyReason: 'Floods' })).input
        .emergencyReason,
    ).toBeNull();
  });

  it('reads the send time on the UK clock, across the clock change', () => {
    const at = (day: string, month: string, year: string, time: string) =>
      sendAtFrom({
        ...emptyComposeValues(),
        sendAtDay: day,
        sendAtMonth: month,
        sendAtYear: year,
        sendAtTime: time,
      });
    expect(at('', '', '', '')).toEqual({ sendAt: null });
    expect(at('15', '1', '2030', '09:30')).toEqual({ sendAt: '2030-01-15T09:30:00Z' });
    expect(at('15', '7', '2030', '9.30')).toEqual({ sendAt: '2030-07-15T08:30:00Z' });
    expect(at('31', '2', '2030', '09:30').error).toEqual({
      field: 'sendAt-day',
      text: 'Send date must be a real date',
    });
    expect(at('', '2', '2030', '09:30').error?.field).toBe('sendAt-day');
    expect(at('1', '', '', '09:30').error?.text).toBe('Send date must include a month and year');
    expect(at('1', '2', '2030', '').error?.field).toBe('sendAt-time');
    expect(at('1', '2', '2030', '25:00').error?.text).toBe(
      'Send time must be a real time, like 14:30',
    );
    expect(at('1', '2', '2030', 'noon').error?.field).toBe('sendAt-time');
  });

  it('shows a stored message’s values for editing', () => {
    const values = composeValuesOf({
      channelId: CHANNEL,
      serviceId: null,
      content: { kind: 'text', body: 'Hello' },
      audience: { areas: ['a'], topics: ['b'] },
      priority: 'emergency',
      emergencyReason: 'Flooding',
      sendAt: '2030-07-15T08:30:00.000Z',
    } as MessageView);
    expect(values).toMatchObject({
      kind: 'text',
      body: 'Hello',
      templateName: 'area_alert',
      parameters: [''],
      sendAtDay: '15',
      sendAtMonth: '7',
      sendAtYear: '2030',
      sendAtTime: '09:30',
      emergencyReason: 'Flooding',
    });
  });

  it('needs a reason to cancel', () => {
    expect(cancelReasonFrom({ reason: '  ' }).error?.field).toBe('reason');
    expect(cancelReasonFrom({ reason: 'x'.repeat(501) }).error?.text).toMatch(/500 characters/);
    expect(cancelReasonFrom({ reason: ' Forecast changed ' })).toEqual({
      reason: 'Forecast changed',
    });
  });
});
