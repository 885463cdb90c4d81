import { describe, expect, it } from 'vitest';
import { conversationTag, isInboxTab, ukWhen, windowText } from './inbox-display.js';

describe('inbox display', () => {
  it('shows UK time, BST in summer', () => {
    expect(ukWhen('2026-07-01T13:05:00Z')).toBe('1 Jul, 14:05');
    expect(ukWhen('2026-12-01T13:05:00Z')).toBe('1 Dec, 13:05');
  });

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
});
