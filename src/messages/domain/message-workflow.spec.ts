import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES, type MessageStatus } from './message-status.js';
import {
  MESSAGE_TRANSITIONS,
  type MessageAction,
  nextStatus,
  type TransitionContext,
} from './message-workflow.js';

const ACTIONS: readonly MessageAction[] = [
  'edit',
  'submit',
  'approve',
  'request_changes',
  'schedule',
  'start_sending',
  'complete',
  'cancel',
];

/**
 * The intended life of a message, written out by hand (not derived from MESSAGE_TRANSITIONS).
 * Every (status, action) pair not listed here must be refused with `not_from_status`.
 */
const ALLOWED: Record<MessageStatus, Partial<Record<MessageAction, MessageStatus>>> = {
  draft: { edit: 'draft', submit: 'in_review', cancel: 'cancelled' },
  in_review: { approve: 'approved', request_changes: 'changes_requested', cancel: 'cancelled' },
  changes_requested: { edit: 'changes_requested', submit: 'in_review', cancel: 'cancelled' },
  approved: { schedule: 'scheduled', start_sending: 'sending', cancel: 'cancelled' },
  scheduled: { start_sending: 'sending', cancel: 'cancelled' },
  sending: { complete: 'sent', cancel: 'cancelled' },
  sent: {},
  cancelled: {},
};

/** A context under which each action's guard passes and approval is complete. */
const PASSING_CONTEXT: Record<MessageAction, TransitionContext> = {
  edit: {},
  submit: {},
  approve: { approvals: 1, approvalsRequired: 1 },
  request_changes: {},
  schedule: { dispatchLater: true },
  start_sending: { dispatchLater: false },
  complete: {},
  cancel: {},
};

const PAIRS = MESSAGE_STATUSES.flatMap((status) =>
  ACTIONS.map((action) => ({ status, action, expected: ALLOWED[status][action] ?? null })),
);

describe('message workflow', () => {
  it('knows exactly the actions and statuses this table covers', () => {
    expect(Object.keys(MESSAGE_TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
    expect([...MESSAGE_STATUSES].sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(PAIRS).toHaveLength(8 * 8);
  });

  describe.each(PAIRS.filter((pair) => pair.expected !== null))(
    '$status + $action',
    ({ status, action, expected }) => {
      it(`goes to ${expected}`, () => {
        expect(nextStatus(status, action, PASSING_CONTEXT[action])).toEqual({
          ok: true,
          to: expected,
        });
      });
    },
  );

  describe.each(PAIRS.filter((pair) => pair.expected === null))(
    '$status + $action',
    ({ status, action }) => {
      it('is refused as not from this status', () => {
        const result = nextStatus(status, action, PASSING_CONTEXT[action]);
        expect(result).toMatchObject({ ok: false, reason: 'not_from_status' });
        if (!result.ok) expect(result.message).toContain(status.replace('_', ' '));
      });

      it('is refused as not from this status even when the guard would also refuse', () => {
        const failingGuard: TransitionContext = { dispatchLater: action === 'start_sending' };
        expect(nextStatus(status, action, failingGuard)).toMatchObject({
          ok: false,
          reason: 'not_from_status',
        });
      });
    },
  );

  it('explains a refusal in words a person can read', () => {
    expect(nextStatus('changes_requested', 'approve')).toEqual({
      ok: false,
      reason: 'not_from_status',
      message: 'A message that is changes requested cannot be approved.',
    });
    expect(nextStatus('sent', 'cancel')).toEqual({
      ok: false,
      reason: 'not_from_status',
      message: 'A message that is sent cannot be cancelled.',
    });
  });

  describe('approve', () => {
    it.each([
      { approvals: 0, approvalsRequired: 1, to: 'in_review' },
      { approvals: 1, approvalsRequired: 1, to: 'approved' },
      { approvals: 1, approvalsRequired: 2, to: 'in_review' },
      { approvals: 2, approvalsRequired: 2, to: 'approved' },
      { approvals: 2, approvalsRequired: 3, to: 'in_review' },
      { approvals: 3, approvalsRequired: 3, to: 'approved' },
      { approvals: 3, approvalsRequired: 2, to: 'approved' },
    ])('with $approvals of $approvalsRequired approvals stays or moves to $to', (row) => {
      expect(
        nextStatus('in_review', 'approve', {
          approvals: row.approvals,
          approvalsRequired: row.approvalsRequired,
        }),
      ).toEqual({ ok: true, to: row.to });
    });

    it('needs one approval when the policy count is not given', () => {
      expect(nextStatus('in_review', 'approve', { approvals: 1 })).toEqual({
        ok: true,
        to: 'approved',
      });
      expect(nextStatus('in_review', 'approve', {})).toEqual({ ok: true, to: 'in_review' });
    });
  });

  describe('guards', () => {
    it.each([{ dispatchLater: false }, {}])(
      'refuses to schedule a message that is due now (%o)',
      (context: TransitionContext) => {
        const result = nextStatus('approved', 'schedule', context);
        expect(result).toMatchObject({ ok: false, reason: 'guard' });
        if (!result.ok) expect(result.message).toMatch(/later than now/);
      },
    );

    it.each<MessageStatus>(['approved', 'scheduled'])(
      'refuses to start sending a %s message that is due later',
      (status) => {
        const result = nextStatus(status, 'start_sending', { dispatchLater: true });
        expect(result).toMatchObject({ ok: false, reason: 'guard' });
        if (!result.ok) expect(result.message).toMatch(/not due yet/);
      },
    );

    it.each<MessageStatus>(['approved', 'scheduled'])(
      'starts sending a %s message that is due now, also when dispatchLater is not given',
      (status) => {
        expect(nextStatus(status, 'start_sending', {})).toEqual({ ok: true, to: 'sending' });
      },
    );

    it('does not guard actions without a guard, whatever the context', () => {
      expect(nextStatus('draft', 'submit', { dispatchLater: true })).toEqual({
        ok: true,
        to: 'in_review',
      });
      expect(nextStatus('scheduled', 'cancel', { dispatchLater: true })).toEqual({
        ok: true,
        to: 'cancelled',
      });
    });
  });
});
