import { describe, expect, it } from 'vitest';
import type { ImportResultView } from '../../residents/dto/import.dto.js';
import type { SubjectAccessView } from '../../residents/dto/privacy.dto.js';
import { importErrorLines } from './import-result.js';
import { dueText, reconciliationRows } from './reconciliation-display.js';
import { subjectAccessSections } from './subject-access-display.js';

describe('importErrorLines', () => {
  it("maps the service's indexes to the CSV's lines, with each code's meaning", () => {
    const result: ImportResultView = {
      imported: 1,
      skipped: 0,
      invalid: 2,
      errors: [
        { index: 2, code: 'UNKNOWN_AREA', message: 'No area has the code nowhere; create it.' },
        { index: 0, code: 'INVALID_PHONE_NUMBER', message: 'phone is missing' },
      ],
    };
    const lines = importErrorLines(result, [2, 4, 7]);
    expect(lines[1].meaning).toMatch(/area code/);
    expect(lines).toEqual([
      {
        line: 2,
        code: 'INVALID_PHONE_NUMBER',
        meaning: 'The phone number is missing or is not a valid number.',
        detail: undefined,
      },
      {
        line: 7,
        code: 'UNKNOWN_AREA',
        meaning: lines[1].meaning,
        detail: 'No area has the code nowhere; create it.',
      },
    ]);
  });
});

describe('reconciliationRows', () => {
  const base = {
    id: 'r1',
    createdAt: '2024-05-01T09:00:00Z',
    expiresAt: '2024-05-02T09:00:00Z',
    listed: 3,
    invalidCount: 0,
    activeSubscribers: 4,
    toUnsubscribe: 1,
    confirmedAt: null,
    unsubscribed: null,
  };
  it('says whether a report waits, expired or was confirmed', () => {
    const now = new Date('2024-05-01T12:00:00Z');
    const later = new Date('2024-05-03T12:00:00Z');
    expect(reconciliationRows([base], now)[0]).toMatchObject({
      confirmable: true,
      status: { text: 'Waiting for a second admin' },
    });
    expect(reconciliationRows([base], later)[0]).toMatchObject({
      confirmable: false,
      status: { text: 'Expired' },
    });
    const confirmed = { ...base, confirmedAt: '2024-05-01T10:00:00Z', unsubscribed: 1 };
    expect(reconciliationRows([confirmed], later)[0]).toMatchObject({
      confirmable: false,
      status: { text: 'Confirmed' },
    });
    expect(reconciliationRows([confirmed], later)[0].outcome).toMatch(/1 unsubscribed/);
  });

  it('says when the next check is due', () => {
    expect(dueText({ dueBy: null, overdue: true })).toMatch(/due now/);
    expect(dueText({ dueBy: '2024-05-31T09:00:00Z', overdue: true })).toMatch(/overdue/);
  });
});

describe('subjectAccessSections', () => {
  it('turns the bundle into readable sections', () => {
    const bundle: SubjectAccessView = {
      phone: '+44 •••••••123',
      generatedAt: '2024-05-01T09:00:00Z',
      subscriber: {
        id: 's',
        status: 'active',
        areas: ['northfield'],
        topics: [],
        privacyNoticeVersion: null,
        subscribedAt: '2024-05-01T09:00:00Z',
        unsubscribedAt: null,
        lastInboundAt: null,
        createdAt: '2024-05-01T09:00:00Z',
        updatedAt: '2024-05-01T09:00:00Z',
      },
      consentRecords: [
        {
          action: 'opt_in',
          source: 'web',
          privacyNoticeVersion: null,
          evidence: { statement: 'Form 1' },
          capturedAt: '2024-05-01T09:00:00Z',
          recordedAt: '2024-05-01T09:00:00Z',
        },
      ],
      deliveries: [],
      inboundMessages: [],
      suppression: { reason: 'stop', since: '2024-05-01T09:00:00Z' },
      pendingOptIns: [],
      joinConversation: null,
      pollAnswers: [],
      auditEvents: [],
    };
    const sections = subjectAccessSections(bundle);
    expect(sections.subscriber).toContainEqual({ key: 'Status', value: 'Subscribed' });
    expect(sections.subscriber).toContainEqual({ key: 'Topics', value: 'none' });
    expect(sections.consentRecords[0]).toMatchObject({
      action: 'opt in',
      evidence: ['statement: Form 1'],
    });
    expect(sections.suppression).toEqual({
      reason: 'They sent STOP',
      since: '1 May 2024 at 10:00',
    });
  });
});
