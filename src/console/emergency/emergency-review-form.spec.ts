import { describe, expect, it } from 'vitest';
import { fieldErrors, parseEmergencyReviewForm } from './emergency-review-form.js';

describe('parseEmergencyReviewForm', () => {
  it('accepts an outcome and a comment, trimmed', () => {
    const form = parseEmergencyReviewForm({
      outcome: 'appropriate',
      comment: '  Flood warning was right. ',
    });
    expect(form.problems).toEqual([]);
    expect(form.verdict).toEqual({ outcome: 'appropriate', comment: 'Flood warning was right.' });
  });

  it('asks for both when neither is given, keeping what was typed', () => {
    const form = parseEmergencyReviewForm({ comment: '   ' });
    expect(form.verdict).toBeUndefined();
    expect(form.problems.map((problem) => problem.href)).toEqual(['#outcome', '#comment']);
    expect(form.values).toEqual({ outcome: '', comment: '   ' });
    expect(fieldErrors(form.problems).comment.text).toMatch(/Enter a comment/);
  });

  it('refuses an outcome that is not one of the two', () => {
    const form = parseEmergencyReviewForm({ outcome: 'maybe', comment: 'Hmm' });
    expect(form.problems).toEqual([expect.objectContaining({ href: '#outcome' })]);
  });

  it('refuses a comment that is too long', () => {
    const form = parseEmergencyReviewForm({ outcome: 'appropriate', comment: 'x'.repeat(2001) });
    expect(form.problems).toEqual([expect.objectContaining({ href: '#comment' })]);
  });
});
