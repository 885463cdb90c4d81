import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';
import type { ApprovableContent } from './message-content.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const template = (): ApprovableContent => ({
  channelId: '0b6f0c8e-1f57-4d5b-9a39-0d7f6f2a1c11',
  content: {
    kind: 'template',
    templateName: 'area_alert',
    language: 'en_GB',
    parameters: ['Gritting tonight from 8pm on all A roads.', 'Crewe'],
  },
  audience: { areas: ['crewe', 'nantwich'], topics: ['gritting'] },
  priority: 'routine',
  sendAt: '2026-12-01T10:00:00.000Z',
  emergencyReason: null,
});

const text = (): ApprovableContent => ({
  ...template(),
  content: { kind: 'text', body: 'Gritting tonight from 8pm on all A roads.' },
});

describe('contentHash', () => {
  it('gives the same 64-hex-digit hash for the same input', () => {
    const hash = contentHash(template());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(template())).toBe(hash);
    expect(contentHash(text())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores the order of areas and topics, and duplicates in them', () => {
    const base = { ...template(), audience: { areas: ['crewe', 'nantwich'], topics: ['a', 'b'] } };
    const shuffled = {
      ...template(),
      audience: { areas: ['nantwich', 'crewe', 'nantwich'], topics: ['b', 'a', 'b', 'a'] },
    };
    expect(contentHash(shuffled)).toBe(contentHash(base));
  });

  it('does not change the input it hashes', () => {
    const input = { ...template(), audience: { areas: ['b', 'a', 'a'], topics: ['t'] } };
    contentHash(input);
    expect(input.audience.areas).toEqual(['b', 'a', 'a']);
  });

  it('ignores the order of the object keys it is given', () => {
    const base = template();
    const reordered: ApprovableContent = {
      emergencyReason: base.emergencyReason,
      sendAt: base.sendAt,
      priority: base.priority,
      audience: { topics: base.audience.topics, areas: base.audience.areas },
      content: {
        parameters: ['Gritting tonight from 8pm on all A roads.', 'Crewe'],
        language: 'en_GB',
        templateName: 'area_alert',
        kind: 'template',
      },
      channelId: base.channelId,
    };
    expect(contentHash(reordered)).toBe(contentHash(base));
  });

  const changes: [string, () => ApprovableContent, () => ApprovableContent][] = [
    [
      'a template parameter',
      template,
      () => {
        const input = template();
        if (input.content.kind === 'template') input.content.parameters[1] = 'Nantwich';
        return input;
      },
    ],
    [
      'the order of template parameters',
      template,
      () => {
        const input = template();
        if (input.content.kind === 'template') input.content.parameters.reverse();
        return input;
      },
    ],
    [
      'the template name',
      template,
      () => {
        const input = template();
        if (input.content.kind === 'template') input.content.templateName = 'area_update';
        return input;
      },
    ],
    [
      'the language',
      template,
      () => {
        const input = template();
        if (input.content.kind === 'template') input.content.language = 'cy';
        return input;
      },
    ],
    [
      'the text body',
      text,
      () => ({ ...text(), content: { kind: 'text', body: 'Gritting tonight from 9pm.' } }),
    ],
    [
      'the content kind (same words as text instead of a template)',
      () => ({
        ...template(),
        content: { kind: 'template', templateName: 'x', language: 'en', parameters: ['Hi'] },
      }),
      () => ({ ...template(), content: { kind: 'text', body: 'Hi' } }),
    ],
    [
      'an area added',
      template,
      () => ({
        ...template(),
        audience: { areas: ['crewe', 'nantwich', 'sandbach'], topics: ['gritting'] },
      }),
    ],
    [
      'a topic changed',
      template,
      () => ({ ...template(), audience: { areas: ['crewe', 'nantwich'], topics: ['flooding'] } }),
    ],
    [
      'the channel',
      template,
      () => ({ ...template(), channelId: '0b6f0c8e-1f57-4d5b-9a39-0d7f6f2a1c12' }),
    ],
    [
      'the priority',
      template,
      () => ({ ...template(), priority: 'emergency', emergencyReason: 'Flooding on the A500' }),
    ],
    ['the priority alone', template, () => ({ ...template(), priority: 'emergency' })],
    ['the send time', template, () => ({ ...template(), sendAt: '2026-12-01T10:00:01.000Z' })],
    ['the send time to "as soon as approved"', template, () => ({ ...template(), sendAt: null })],
    [
      'the emergency reason',
      () => ({ ...template(), priority: 'emergency', emergencyReason: 'Flooding on the A500' }),
      () => ({ ...template(), priority: 'emergency', emergencyReason: 'Flooding on the A51' }),
    ],
  ];

  it.each(changes)('changes when %s changes', (_, before, after) => {
    expect(contentHash(after())).not.toBe(contentHash(before()));
  });

  it('hashes the same instant written with an offset or in UTC the same way', () => {
    const zulu = contentHash({ ...template(), sendAt: '2026-12-01T10:00:00.000Z' });
    expect(contentHash({ ...template(), sendAt: '2026-12-01T10:00:00+00:00' })).toBe(zulu);
    expect(contentHash({ ...template(), sendAt: '2026-12-01T10:00:00Z' })).toBe(zulu);
    expect(contentHash({ ...template(), sendAt: '2026-12-01T11:00:00+01:00' })).toBe(zulu);
    expect(contentHash({ ...template(), sendAt: '2026-12-01T10:00:00+01:00' })).not.toBe(zulu);
  });

  describe('against hashes computed independently from hand-written RFC 8785 JSON', () => {
    it('hashes a text message as its canonical JSON', () => {
      const input: ApprovableContent = {
        channelId: 'c1',
        content: { kind: 'text', body: 'Bins go out on Tuesday' },
        audience: { areas: ['b', 'a', 'b'], topics: ['waste'] },
        priority: 'routine',
        sendAt: null,
        emergencyReason: null,
      };
      const canonical =
        '{"audience":{"areas":["a","b"],"topics":["waste"]},"channelId":"c1",' +
        '"content":{"body":"Bins go out on Tuesday","kind":"text"},"emergencyReason":null,' +
        '"priority":"routine","sendAt":null}';
      expect(contentHash(input)).toBe(sha256(canonical));
      expect(contentHash(input)).toBe(
        '1b69371603d073f26c10ab01c4ec9b6b8ce03b746701cac8e4966cda58c17889',
      );
    });

    it('hashes a template emergency with a send time as its canonical JSON', () => {
      const input: ApprovableContent = {
        channelId: 'c2',
        content: {
          kind: 'template',
          templateName: 'area_alert',
          language: 'cy',
          parameters: ['Llifogydd', 'A500'],
        },
        audience: { areas: ['crewe'], topics: ['flooding'] },
        priority: 'emergency',
        sendAt: '2026-12-01T10:00:00+00:00',
        emergencyReason: 'River Weaver over its banks',
      };
      const canonical =
        '{"audience":{"areas":["crewe"],"topics":["flooding"]},"channelId":"c2",' +
        '"content":{"kind":"template","language":"cy","parameters":["Llifogydd","A500"],' +
        '"templateName":"area_alert"},"emergencyReason":"River Weaver over its banks",' +
        '"priority":"emergency","sendAt":"2026-12-01T10:00:00.000Z"}';
      expect(contentHash(input)).toBe(sha256(canonical));
    });
  });
});
