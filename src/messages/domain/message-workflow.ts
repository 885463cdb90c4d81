import type { MessageStatus } from './message-status.js';

export type MessageAction =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'request_changes'
  | 'schedule'
  | 'start_sending'
  | 'complete'
  | 'cancel';

export interface TransitionContext {
  /** Distinct approvals of the current version in this review round, counting the new one. */
  approvals?: number;
  approvalsRequired?: number;
  /** Whether the planned dispatch time is later than now (a future sendAt, or quiet hours). */
  dispatchLater?: boolean;
}

interface Transition {
  from: readonly MessageStatus[];
  /** The status after the action; a function when it depends on the context. */
  to: MessageStatus | ((from: MessageStatus, context: TransitionContext) => MessageStatus);
  /** Returns why the action may not happen now, or null when it may. */
  guard?: (context: TransitionContext) => string | null;
}

/**
 * The life of a message, declared in one place:
 * draft -> in_review -> approved -> scheduled -> sending -> sent, with changes_requested sending it
 * back to its author and cancelled possible until the last recipient is sent.
 */
export const MESSAGE_TRANSITIONS: Record<MessageAction, Transition> = {
  edit: { from: ['draft', 'changes_requested'], to: (from) => from },
  submit: { from: ['draft', 'changes_requested'], to: 'in_review' },
  approve: {
    from: ['in_review'],
    to: (_, { approvals = 0, approvalsRequired = 1 }) =>
      approvals >= approvalsRequired ? 'approved' : 'in_review',
  },
  request_changes: { from: ['in_review'], to: 'changes_requested' },
  schedule: {
    from: ['approved'],
    to: 'scheduled',
    guard: ({ dispatchLater }) =>
      dispatchLater ? null : 'Only a message due later than now can be scheduled.',
  },
  start_sending: {
    from: ['approved', 'scheduled'],
    to: 'sending',
    guard: ({ dispatchLater }) =>
      dispatchLater ? 'This message is not due yet; it stays scheduled.' : null,
  },
  complete: { from: ['sending'], to: 'sent' },
  cancel: {
    from: ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'sending'],
    to: 'cancelled',
  },
};

export type TransitionResult =
  | { ok: true; to: MessageStatus }
  | { ok: false; reason: 'not_from_status' | 'guard'; message: string };

/** Where an action takes a message, or why it cannot. Expected refusals are results, not throws. */
export function nextStatus(
  from: MessageStatus,
  action: MessageAction,
  context: TransitionContext = {},
): TransitionResult {
  const transition = MESSAGE_TRANSITIONS[action];
  if (!transition.from.includes(from)) {
    return {
      ok: false,
      reason: 'not_from_status',
      message: `A message that is ${from.replace('_', ' ')} cannot be ${ACTION_PAST[action]}.`,
    };
  }
  const refusal = transition.guard?.(context) ?? null;
  if (refusal) return { ok: false, reason: 'guard', message: refusal };
  const to = typeof transition.to === 'function' ? transition.to(from, context) : transition.to;
  return { ok: true, to };
}

const ACTION_PAST: Record<MessageAction, string> = {
  edit: 'edited',
  submit: 'submitted for review',
  approve: 'approved',
  request_changes: 'sent back for changes',
  schedule: 'scheduled',
  start_sending: 'sent',
  complete: 'marked sent',
  cancel: 'cancelled',
};
