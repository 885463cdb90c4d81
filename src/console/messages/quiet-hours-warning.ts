import type { GovernancePolicy } from '../../channels/governance-policy.js';
import { planDispatch } from '../../messages/domain/dispatch-plan.js';
import type { Priority } from '../../messages/domain/message-status.js';
import { dateTime } from './message-display.js';

/**
 * The warning for a message the channel's quiet hours would hold, by the dispatcher's own rule
 * (planDispatch): due at its send time, or now if it has none. Null when nothing holds it.
 */
export function quietHoursWarning(input: {
  channel: { name: string; policy: GovernancePolicy };
  sendAt: string | null;
  priority: Priority;
  now: Date;
}): string | null {
  const { channel, sendAt, priority, now } = input;
  const quiet = channel.policy.quietHours;
  if (!quiet) return null;
  const plan = planDispatch({
    now,
    sendAt: sendAt ? new Date(sendAt) : null,
    priority,
    policy: channel.policy,
  });
  if (!plan.heldForQuietHours) return null;
  const who =
    priority === 'emergency'
      ? 'This channel holds even emergency messages'
      : 'Routine messages are held';
  return `${who} during ${channel.name}’s quiet hours (${quiet.start} to ${quiet.end}). If it is approved in time, this message will be sent on ${dateTime(plan.runAt.toISOString())}, when they end.`;
}
