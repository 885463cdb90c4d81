import type { GovernancePolicy } from '../../channels/governance-policy.js';
import type { Priority } from './message-status.js';

export interface ApprovalRequirement {
  /** Distinct approvals needed for this approval to be the last one. */
  approvalsRequired: number;
  /**
   * True when this approval sends the message only because of the emergency path: an on-call
   * approver's single approval where the policy would otherwise need more. Such a message gets
   * a retrospective review by a second approver.
   */
  emergencyPath: boolean;
}

/**
 * How many approvals a message needs, counting the one being given now. An emergency on a
 * channel whose policy allows single approval needs only one when that one comes from an
 * on-call approver who did not write or edit it (four eyes still holds: someone else signs it
 * off). Any other message, or anyone else's approval, needs the policy's usual count. The caller
 * has already checked the approver holds one of the policy's roles (approvalRefusal).
 */
export function approvalRequirement(input: {
  policy: GovernancePolicy;
  priority: Priority;
  approverId: string;
  editors: readonly string[];
  /** Approvals of this version so far, counting this one. */
  approvals: number;
}): ApprovalRequirement {
  const { policy, priority, approverId, editors, approvals } = input;
  const usual = { approvalsRequired: policy.approvalsRequired, emergencyPath: false };
  const emergency = policy.emergency;
  if (priority !== 'emergency' || !emergency?.singleApproval) return usual;
  if (!emergency.onCallApproverIds.includes(approverId) || editors.includes(approverId)) {
    return usual;
  }
  // Enough approvals anyway: the usual rule sent it, so no retrospective review is owed.
  if (approvals >= policy.approvalsRequired) return usual;
  return { approvalsRequired: 1, emergencyPath: true };
}

/** When the second approver's retrospective review of an emergency-path message is due. */
export function retrospectiveReviewDue(policy: GovernancePolicy, approvedAt: Date): Date {
  const hours = policy.emergency?.retrospectiveReviewHours;
  if (!hours) throw new Error('this policy has no emergency path');
  return new Date(approvedAt.getTime() + hours * 3_600_000);
}
