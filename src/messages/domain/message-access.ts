import type { ChannelKind, GovernancePolicy } from '../../channels/governance-policy.js';
import { type Actor, hasRole } from '../../organisation/actor.js';

export interface ChannelFacts {
  id: string;
  kind: ChannelKind;
  serviceId: string | null;
  policy: GovernancePolicy;
}

/** Roles whose holders read every message: approvers review all services, auditors and admins oversee. */
const SEES_ALL = ['comms_approver', 'auditor', 'admin'] as const;

/** Officers and service managers see their own services' messages; approvers and auditors see all. */
export function canView(actor: Actor, messageServiceId: string | null): boolean {
  if (hasRole(actor, ...SEES_ALL)) return true;
  return messageServiceId !== null && actor.serviceIds.includes(messageServiceId);
}

/**
 * Officers (and service managers) draft for their own services' channels, and for the corporate
 * channel on behalf of one of their services; the comms team drafts anywhere. Auditors and admins,
 * by those roles alone, draft nothing.
 */
export function canDraft(actor: Actor, channel: ChannelFacts, serviceId: string | null): boolean {
  if (hasRole(actor, 'comms_approver')) return true;
  if (!hasRole(actor, 'officer', 'service_manager')) return false;
  if (channel.kind === 'service' && serviceId !== channel.serviceId) return false;
  return serviceId !== null && actor.serviceIds.includes(serviceId);
}

/**
 * The service a message is written for: the channel's own service, or for the corporate channel
 * the one named, or the drafter's only service. Returns undefined when it cannot be decided.
 */
export function messageServiceFor(
  actor: Actor,
  channel: ChannelFacts,
  requested: string | undefined,
): string | null | undefined {
  if (channel.kind === 'service') {
    return requested === undefined || requested === channel.serviceId
      ? channel.serviceId
      : undefined;
  }
  if (requested !== undefined) return requested;
  if (actor.serviceIds.length === 1) return actor.serviceIds[0];
  return hasRole(actor, 'comms_approver') ? null : undefined;
}

export type ApprovalRefusal = 'SELF_APPROVAL_FORBIDDEN' | 'NOT_AN_APPROVER';

/**
 * Whether this person may approve (or send back) a message on this channel: they hold one of the
 * policy's approver roles, a service manager only for their own service's channel, and they did
 * not write or edit the message (four eyes).
 */
export function approvalRefusal(
  actor: Actor,
  channel: ChannelFacts,
  editors: readonly string[],
): ApprovalRefusal | null {
  const qualifies = channel.policy.approverRoles.some((role) =>
    role === 'service_manager'
      ? actor.roles.includes('service_manager') &&
        channel.kind === 'service' &&
        channel.serviceId !== null &&
        actor.serviceIds.includes(channel.serviceId)
      : actor.roles.includes(role),
  );
  if (!qualifies) return 'NOT_AN_APPROVER';
  if (editors.includes(actor.id)) return 'SELF_APPROVAL_FORBIDDEN';
  return null;
}
