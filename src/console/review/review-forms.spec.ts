import { describe, expect, it } from 'vitest';
import { conflict, forbidden } from '../../common/errors/crier-error.js';
import {
  COMMENT_MAX,
  OVERRIDE_REASON_MAX,
  parseApproveForm,
  parseChangesForm,
  parseVersion,
  reviewRefusal,
} from './review-forms.js';

describe('parseVersion', () => {
  it('reads a positive whole number and nothing else', () => {
    expect(parseVersion('3')).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'two', '', undefined, ['1']]) {
      expect(parseVersion(bad)).toBeUndefined();
    }
  });
});

describe('parseApproveForm', () => {
  it('takes the version and an optional, trimmed comment', () => {
    expect(parseApproveForm({ version: '2', comment: '  Fine  ' })).toEqual({
      form: { version: 2, comment: 'Fine', overrideReason: '' },
      problems: [],
    });
    expect(parseApproveForm({ version: '2' }).problems).toEqual([]);
  });
  it('refuses a missing version and an overlong comment', () => {
    const { problems } = parseApproveForm({ comment: 'x'.repeat(COMMENT_MAX + 1) });
    expect(problems.map((p) => p.href)).toEqual(['#decision', '#approve-comment']);
  });
  it('takes a trimmed reason for approving over content findings, up to its limit', () => {
    expect(
      parseApproveForm({ version: '1', overrideReason: ' The council’s number ' }).form,
    ).toEqual({ version: 1, comment: '', overrideReason: 'The council’s number' });
    const { problems } = parseApproveForm({
      version: '1',
      overrideReason: 'x'.repeat(OVERRIDE_REASON_MAX + 1),
    });
    expect(problems.map((p) => p.href)).toEqual(['#override-reason']);
  });
});

describe('parseChangesForm', () => {
  it('needs a comment saying what to change', () => {
    expect(parseChangesForm({ comment: '   ' }).problems).toEqual([
      { text: 'Enter what needs to change', href: '#changes-comment' },
    ]);
    expect(parseChangesForm({ comment: 'Name the roads.' })).toEqual({
      comment: 'Name the roads.',
      problems: [],
    });
  });
});

describe('reviewRefusal', () => {
  it("puts the domain's refusals in the console's words", () => {
    const self = forbidden('SELF_APPROVAL_FORBIDDEN', 'x');
    expect(reviewRefusal(self, 'approve')).toEqual({
      text: 'You wrote or edited this message, so someone else must approve it',
      href: '#decision',
    });
    expect(reviewRefusal(conflict('APPROVAL_VERSION_MISMATCH', 'x'), 'test').text).toBe(
      'This message changed since you opened it. Review the new version.',
    );
    expect(reviewRefusal(conflict('TEST_PHONE_NOT_REGISTERED', 'x'), 'test').href).toBe(
      '#test-phone',
    );
    expect(reviewRefusal(conflict('CONTENT_FINDINGS_NEED_REASON', 'x'), 'approve')).toEqual({
      text: expect.stringContaining('Enter why this message can be approved') as string,
      href: '#override-reason',
    });
  });
  it('rethrows anything it does not expect', () => {
    const unexpected = new Error('database down');
    expect(() => reviewRefusal(unexpected, 'approve')).toThrow(unexpected);
    expect(() => reviewRefusal(conflict('SOMETHING_ELSE', 'x'), 'approve')).toThrow();
  });
});
