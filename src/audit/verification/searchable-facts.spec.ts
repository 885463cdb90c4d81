import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import type { StoredAuditEvent } from '../audit-event.js';
import { searchableFacts } from './searchable-facts.js';

const base: StoredAuditEvent = {
  seq: 42,
  type: 'message.approved',
  recordedAt: '2026-11-22T02:03:01.822Z',
  actor: { kind: 'staff', ref: '3f1f0a4e-2c1b-4f3e-9a55-6c1d2b7e8f90' },
  subject: {
    messageId: '9b2c7d1e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
    channelId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  },
  data: { version: 1 },
};

const text = (event: StoredAuditEvent) => canonicalize(event) as string;

describe('searchableFacts', () => {
  it('reads the same facts as JSON.parse from canonical event texts', () => {
    const tricky: Record<string, unknown>[] = [
      {},
      { type: 'forged.type', seq: 7, recordedAt: 'never', subject: { messageId: 'x' } },
      { note: ',"recordedAt":"2020-01-01T00:00:00.000Z","seq":1,"subject":{},"type":"x"}' },
      {
        nested: { deeper: [{ actor: { kind: 'staff', ref: 'fake' } }] },
        text: 'Cymraeg ŵ “quotes” \\ "',
      },
    ];
    const actors: StoredAuditEvent['actor'][] = [
      base.actor,
      { kind: 'system', reason: 'final-approval' },
      { kind: 'system', reason: 'a reason with "quotes", {braces} and ,"ref":"no"' },
    ];
    const subjects: StoredAuditEvent['subject'][] = [
      base.subject,
      {},
      {
        staffRef: '6c1d2b7e-8f90-4f3e-9a55-3f1f0a4e2c1b',
        serviceId: '0e1f2a3b-4c5d-4a7b-8c9d-1a2b3c4d5e6f',
      },
      {
        channelId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        residentRef: '7d6e5f4a-3b2c-4d1e-8f0a-9b8c7d6e5f4a',
      },
    ];
    for (const data of tricky) {
      for (const actor of actors) {
        for (const subject of subjects) {
          const event = { ...base, data, actor, subject };
          expect(searchableFacts(text(event))).toEqual({
            seq: 42,
            type: 'message.approved',
            recordedAt: '2026-11-22T02:03:01.822Z',
            actorRef: actor.kind === 'staff' ? actor.ref : null,
            staffRef: subject.staffRef ?? null,
            residentRef: subject.residentRef ?? null,
            messageId: subject.messageId ?? null,
            channelId: subject.channelId ?? null,
          });
        }
      }
    }
  });

  it('refuses text that is not shaped like an event', () => {
    for (const payload of [
      '',
      'not json',
      '{}',
      '{"actor":{"kind":"staff","ref":"x"},"data":{}}',
      text(base).slice(0, -1),
    ]) {
      expect(searchableFacts(payload)).toBeNull();
    }
  });
});
