import type { GovernancePolicy } from '../../channels/governance-policy.js';
import type { Priority } from './message-status.js';
import { quietHoursEnd } from './quiet-hours.js';

export interface DispatchPlan {
  /** When the first send may happen. */
  runAt: Date;
  /** True when runAt is later than now: the message is scheduled rather than sending. */
  later: boolean;
  /** A routine message (or an emergency the policy does not let through) held for quiet hours. */
  heldForQuietHours: boolean;
  /** An emergency sent inside quiet hours under the policy's override, with its reason. */
  bypassedQuietHours: boolean;
}

/**
 * Decides when an approved message goes out: at its send time (or now), moved to the end of the
 * channel's quiet hours for routine messages. An emergency passes through quiet hours only when
 * the channel's policy allows it.
 */
export function planDispatch(input: {
  now: Date;
  sendAt: Date | null;
  priority: Priority;
  policy: GovernancePolicy;
}): DispatchPlan {
  const { now, sendAt, priority, policy } = input;
  const due = sendAt && sendAt > now ? sendAt : now;
  const quietEnd = policy.quietHours ? quietHoursEnd(due, policy.quietHours) : null;
  const bypass =
    quietEnd !== null && priority === 'emergency' && policy.emergencyBypassesQuietHours;
  const runAt = quietEnd && !bypass ? quietEnd : due;
  return {
    runAt,
    later: runAt.getTime() > now.getTime(),
    heldForQuietHours: quietEnd !== null && !bypass,
    bypassedQuietHours: bypass,
  };
}
