import type { ChannelKind } from '../../channels/governance-policy.js';
import type { Role } from '../../organisation/role.js';

/** Who works inboxes at all; the channel decides which ones (canWorkInbox). */
export const INBOX_ROLES = ['officer', 'service_manager', 'comms_approver', 'admin'] as const;

/**
 * Who may approve or reject a template reply at all: the inbox roles a channel's policy can
 * name as approvers. Which of them may on a given channel is its policy's (templateReplyRefusal).
 */
export const INBOX_APPROVER_ROLES = ['service_manager', 'comms_approver'] as const;

export interface InboxChannel {
  kind: ChannelKind;
  serviceId: string | null;
}

/** The parts of a staff member that decide their inbox access (an Actor, or a StaffView). */
export interface InboxWorker {
  roles: readonly Role[];
  serviceIds: readonly string[];
}

/**
 * A service channel's inbox is worked by the officers and managers of that service; the
 * corporate channel's by the comms team, who speak for the whole council; admins see every
 * inbox. Auditors read the audit log, not residents' messages.
 */
export function canWorkInbox(worker: InboxWorker, channel: InboxChannel): boolean {
  const holds = (...roles: Role[]) => roles.some((role) => worker.roles.includes(role));
  if (holds('admin')) return true;
  if (channel.kind === 'corporate') return holds('comms_approver');
  return (
    holds('officer', 'service_manager') &&
    channel.serviceId !== null &&
    worker.serviceIds.includes(channel.serviceId)
  );
}
