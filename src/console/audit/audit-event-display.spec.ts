import { describe, expect, it } from 'vitest';
import {
  actorLabel,
  dataSummary,
  describeMessageEvent,
  intactSummary,
  subjectSummary,
  ukTime,
} from './audit-event-display.js';

const HASH = 'ab'.repeat(32);

describe('audit event display', () => {
  it('shows times on the clock in Britain, with seconds and GMT or BST', () => {
    expect(ukTime('2026-01-15T09:05:03.000Z')).toBe('15 Jan 2026, 09:05:03 GMT');
    expect(ukTime('2026-07-15T09:05:03.000Z')).toBe('15 Jul 2026, 10:05:03 BST');
  });

  it('shows staff by reference, named only when the query service resolved them', () => {
    const names = new Map([['staff-1', 'Chris Comms']]);
    const staff = { kind: 'staff' as const, ref: 'r1' };
    expect(actorLabel({ actor: staff, actorStaffId: 'staff-1' }, names)).toEqual({
      text: 'Chris Comms',
      ref: 'r1',
    });
    expect(actorLabel({ actor: staff, actorStaffId: null }, names)).toEqual({
      text: 'Staff member',
      ref: 'r1',
    });
    expect(
      actorLabel({ actor: { kind: 'system', reason: 'dispatch' }, actorStaffId: null }, names),
    ).toEqual({ text: 'Crier (dispatch)', ref: null });
  });

  it('summarises data and subjects in a line, hashes shortened', () => {
    expect(dataSummary({ version: 2, contentHash: HASH, nested: { a: 1 }, list: [1, 2] })).toBe(
      'version: 2, contentHash: abababababab…, list: 2 items',
    );
    expect(dataSummary({ a: 1, b: 2, c: 3 }, 2)).toBe('a: 1, b: 2, and 1 more');
    expect(subjectSummary({ messageId: 'm', channelId: 'c' })).toBe('message m, channel c');
  });

  it('describes a message’s steps in plain words', () => {
    expect(
      describeMessageEvent({
        type: 'message.approved',
        data: { version: 1, contentHash: HASH, approvals: 1, approvalsRequired: 2, comment: 'OK' },
      }),
    ).toEqual({
      title: 'Approved',
      details: ['Approved version 1 (content hash abababababab…). Approval 1 of 2 needed.', '“OK”'],
    });
    expect(describeMessageEvent({ type: 'message.created', data: { version: 1 } }).title).toBe(
      'Drafted',
    );
    expect(
      describeMessageEvent({ type: 'message.sent', data: { version: 1, sent: 3 } }).details,
    ).toEqual(['Sent version 1.', 'sent: 3']);
    expect(describeMessageEvent({ type: 'message.unknown', data: { x: 1 } })).toEqual({
      title: 'message.unknown',
      details: ['x: 1'],
    });
  });

  it('says what an intact verification checked', () => {
    expect(intactSummary(1234, HASH, 2)).toBe(
      `1,234 events checked, chain head ${HASH}, against 2 signed checkpoints.`,
    );
    expect(intactSummary(0, null, 0)).toBe('0 events checked, no signed checkpoints yet.');
  });
});
