import { describe, expect, it } from 'vitest';
import { reviewerRefusal, reviewStatus } from './emergency-review-rules.js';

describe('reviewStatus', () => {
  const dueAt = new Date('2026-01-11T02:15:00Z');

  it('is due before its time, overdue from it, done once reviewed', () => {
    expect(reviewStatus({ dueAt, reviewedAt: null }, new Date('2026-01-11T02:14:59Z'))).toBe('due');
    expect(reviewStatus({ dueAt, reviewedAt: null }, dueAt)).toBe('overdue');
    const reviewedAt = new Date('2026-01-11T05:00:00Z');
    expect(reviewStatus({ dueAt, reviewedAt }, new Date('2026-01-12T00:00:00Z'))).toBe('done');
  });
});

describe('reviewerRefusal', () => {
  const review = { approvedBy: 'approver', editors: ['author', 'editor'] };

  it('lets a second person review', () => {
    expect(reviewerRefusal('someone-else', review)).toBeNull();
  });

  it('refuses the approver, the author and editors', () => {
    expect(reviewerRefusal('approver', review)).toBe('APPROVED_IT');
    expect(reviewerRefusal('author', review)).toBe('WROTE_IT');
    expect(reviewerRefusal('editor', review)).toBe('WROTE_IT');
  });
});
