import { describe, expect, it } from 'vitest';
import type { ConversationView } from '../../inbox/dto/inbox.dto.js';
import { conversationTag, isInboxTab, templateReplyRows, windowText } from './inbox-display.js';

describe('inbox display', () => {
  it('says when the window closes, or why the reply box is closed', () => {
    expect(windowText({ open: true, closesAt: '2026-12-01T13:05:00Z' })).toContain(
      'until 1 Dec, 13:05',
    );
    expect(windowText({ open: false, closesAt: '2026-12-01T13:05:00Z' })).toContain(
      'approved template',
    );
  });

  it('tags blocked senders red whatever the status', () => {
    expect(conversationTag({ status: 'open', blocked: true }).text).toBe('Blocked');
    expect(conversationTag({ status: 'assigned', blocked: false }).text).toBe('Assigned');
  });

  it('knows its tabs', () => {
    expect(isInboxTab('blocked')).toBe(true);
    expect(isInboxTab('everything')).toBe(false);
  });

  it('lists template replies newest first, with approvals, findings and what you may do', () => {
    const reply = {
      id: 'r1',
      status: 'pending' as const,
      templateName: 'area_alert',
      language: 'en_GB',
      parameters: ['Email us'],
      parametersDeleted: false,
      proposedBy: { id: 's1', name: 'Yusuf' },
      proposedAt: '2026-12-01T13:05:00Z',
      approvals: [{ by: { id: 's2', name: 'Maya' }, at: '2026-12-01T14:00:00Z' }],
      approvalsRequired: 2,
      contentFindings: ['EMAIL_ADDRESS'],
      rejection: null,
      deliveryId: null,
      deliveryStatus: null,
      youMay: { approve: true, reject: true },
    };
    const older = { ...reply, id: 'r0', status: 'sent' as const, deliveryStatus: 'delivered' };
    const rows = templateReplyRows({ templateReplies: [older, reply] } as ConversationView);
    expect(rows.map((row) => row.id)).toEqual(['r1', 'r0']);
    expect(rows[0]).toMatchObject({
      template: 'area_alert (en_GB)',
      approvals: '1 of 2 approvals: Maya',
      findings: ['an email address'],
      tag: { text: 'Waiting for approval' },
      mayApprove: true,
    });
    expect(rows[1]).toMatchObject({ delivery: 'Delivered', tag: { text: 'Approved and sent' } });
  });
});
