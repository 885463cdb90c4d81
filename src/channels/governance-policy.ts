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
}

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
  return problems;
}
