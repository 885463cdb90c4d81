import type { ApproverRole } from '../organisation/role.js';

export type ContentKind = 'template' | 'text';
export type ChannelKind = 'corporate' | 'service';

export interface QuietHours {
  /** Local wall-clock time, "HH:MM", in `timeZone`. */
  start: string;
  end: string;
  /** An IANA zone such as Europe/London; quiet hours follow its clock changes. */
  timeZone: string;
}

/** How a channel's messages are signed off and when they may go out. */
export interface GovernancePolicy {
  /** Distinct people who must approve the exact content: 1 to 3. */
  approvalsRequired: number;
  approverRoles: ApproverRole[];
  quietHours: QuietHours | null;
  /** Whether an emergency message, with its recorded reason, may go out during quiet hours. */
  emergencyBypassesQuietHours: boolean;
  allowedContentKinds: ContentKind[];
  /**
   * Days a resident's message text is kept before retention deletes it: 1 to 365. Absent on
   * channels created before retention existed, which keep the default.
   */
  inboundRetentionDays?: number;
  /**
   * The emergency path: who may send an emergency on one approval, and how soon a second
   * approver must look at it afterwards. Absent (or null) on channels without one, whose
   * emergencies need the usual number of approvals.
   */
  emergency?: EmergencyPath | null;
}

/** One approval from someone on call sends an emergency at once; a second approver reviews it afterwards. */
export interface EmergencyPath {
  /** Whether an emergency message needs only one approval, from someone on the on-call list. */
  singleApproval: boolean;
  /** Staff ids of the on-call approvers; each must also hold one of the policy's approver roles. */
  onCallApproverIds: string[];
  /** Hours after the approval within which a second approver must review the message: 1 to 72. */
  retrospectiveReviewHours: number;
}

export const MAX_RETROSPECTIVE_REVIEW_HOURS = 72;

export const DEFAULT_ALLOWED_CONTENT_KINDS: ContentKind[] = ['template', 'text'];
export const DEFAULT_INBOUND_RETENTION_DAYS = 7;

/** The channel's inbound retention, with the default for policies stored without one. */
export const inboundRetentionDaysOf = (policy: GovernancePolicy): number =>
  policy.inboundRetentionDays ?? DEFAULT_INBOUND_RETENTION_DAYS;

/** Rules that span fields; field formats are checked by the DTO. Returns the problems found. */
export function policyProblems(policy: GovernancePolicy, channelKind: ChannelKind): string[] {
  const problems: string[] = [];
  if (channelKind === 'corporate' && policy.approverRoles.includes('service_manager')) {
    problems.push(
      'a corporate channel belongs to no service, so service_manager cannot approve on it; use comms_approver',
    );
  }
  if (policy.quietHours && policy.quietHours.start === policy.quietHours.end) {
    problems.push('quiet hours must start and end at different times (use null for none)');
  }
  return [...problems, ...emergencyPathProblems(policy)];
}

/**
 * The emergency path lowers sign-off to one on-call approval and sends at once: it means nothing
 * when one approval is already the rule, it must let the emergency through quiet hours, and it
 * needs someone on call.
 */
function emergencyPathProblems(policy: GovernancePolicy): string[] {
  const emergency = policy.emergency;
  if (!emergency?.singleApproval) return [];
  const problems: string[] = [];
  if (policy.approvalsRequired < 2) {
    problems.push(
      'a single emergency approval only changes anything when approvalsRequired is 2 or 3',
    );
  }
  if (!policy.emergencyBypassesQuietHours) {
    problems.push('the emergency path sends at once, so emergencyBypassesQuietHours must be true');
  }
  if (emergency.onCallApproverIds.length === 0) {
    problems.push('name at least one on-call approver (emergency.onCallApproverIds)');
  }
  return problems;
}
