import { IANAZone } from 'luxon';
import type { GovernancePolicyDto } from '../../channels/dto/channel.dto.js';
import {
  type ChannelKind,
  type ContentKind,
  DEFAULT_INBOUND_RETENTION_DAYS,
  type GovernancePolicy,
  MAX_RETROSPECTIVE_REVIEW_HOURS,
} from '../../channels/governance-policy.js';
import { APPROVER_ROLES, type ApproverRole } from '../../organisation/role.js';
import { UK_TIME_ZONE } from '../uk-dates.js';
import { type FormBody, type FormProblem, listField, textField, wholeNumber } from './forms.js';

/** The policy form as typed: strings, so what the admin wrote comes back on a refusal. */
export interface PolicyFormValues {
  approvalsRequired: string;
  approverRoles: string[];
  quietHours: 'yes' | 'no' | '';
  quietStart: string;
  quietEnd: string;
  timeZone: string;
  emergencyBypassesQuietHours: 'yes' | 'no' | '';
  allowedContentKinds: string[];
  inboundRetentionDays: string;
  /** The emergency path: one on-call approval sends an emergency, reviewed afterwards. */
  emergencyPath: 'yes' | 'no' | '';
  onCallApproverIds: string[];
  retrospectiveReviewHours: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const CONTENT_KINDS: readonly ContentKind[] = ['template', 'text'];
export const DEFAULT_TIME_ZONE = UK_TIME_ZONE;
/** What the form suggests for a new emergency path: a review within a working morning. */
export const DEFAULT_RETROSPECTIVE_REVIEW_HOURS = 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const yesNo = (value: string): 'yes' | 'no' | '' =>
  value === 'yes' || value === 'no' ? value : '';

/** A stored policy (or a model's) as the form shows it. */
export function policyFormValues(policy: GovernancePolicy): PolicyFormValues {
  return {
    approvalsRequired: String(policy.approvalsRequired),
    approverRoles: [...policy.approverRoles],
    quietHours: policy.quietHours ? 'yes' : 'no',
    quietStart: policy.quietHours?.start ?? '',
    quietEnd: policy.quietHours?.end ?? '',
    timeZone: policy.quietHours?.timeZone ?? DEFAULT_TIME_ZONE,
    emergencyBypassesQuietHours: policy.emergencyBypassesQuietHours ? 'yes' : 'no',
    allowedContentKinds: [...policy.allowedContentKinds],
    inboundRetentionDays: String(policy.inboundRetentionDays ?? DEFAULT_INBOUND_RETENTION_DAYS),
    emergencyPath: policy.emergency?.singleApproval ? 'yes' : 'no',
    onCallApproverIds: [...(policy.emergency?.onCallApproverIds ?? [])],
    retrospectiveReviewHours: String(
      policy.emergency?.retrospectiveReviewHours ?? DEFAULT_RETROSPECTIVE_REVIEW_HOURS,
    ),
  };
}

export function readPolicyForm(body: FormBody): PolicyFormValues {
  return {
    approvalsRequired: textField(body, 'approvalsRequired'),
    approverRoles: listField(body, 'approverRoles'),
    quietHours: yesNo(textField(body, 'quietHours')),
    quietStart: textField(body, 'quietStart'),
    quietEnd: textField(body, 'quietEnd'),
    timeZone: textField(body, 'timeZone'),
    emergencyBypassesQuietHours: yesNo(textField(body, 'emergencyBypassesQuietHours')),
    allowedContentKinds: listField(body, 'allowedContentKinds'),
    inboundRetentionDays: textField(body, 'inboundRetentionDays'),
    emergencyPath: yesNo(textField(body, 'emergencyPath')),
    onCallApproverIds: listField(body, 'onCallApproverIds'),
    retrospectiveReviewHours: textField(body, 'retrospectiveReviewHours'),
  };
}

/**
 * Checks each field's format, as the API's DTO does, and builds the policy to hand to the
 * channels service; rules across fields (who may approve on which kind of channel) stay there.
 */
export function parsePolicyForm(body: FormBody): {
  values: PolicyFormValues;
  policy?: GovernancePolicyDto;
  problems: FormProblem[];
} {
  const values = readPolicyForm(body);
  const problems: FormProblem[] = [];
  const approvals = wholeNumber(values.approvalsRequired);
  if (approvals === undefined || approvals < 1 || approvals > 3) {
    problems.push({ text: 'Select how many people must approve', href: '#approvalsRequired' });
  }
  const roles = values.approverRoles.filter((role): role is ApproverRole =>
    (APPROVER_ROLES as readonly string[]).includes(role),
  );
  if (roles.length === 0) {
    problems.push({ text: 'Select who may approve', href: '#approverRoles' });
  }
  if (values.quietHours === '') {
    problems.push({ text: 'Select whether the channel has quiet hours', href: '#quietHours' });
  }
  const quiet = values.quietHours === 'yes';
  if (quiet && !HH_MM.test(values.quietStart)) {
    problems.push({ text: 'Enter when quiet hours start, like 21:00', href: '#quietStart' });
  }
  if (quiet && !HH_MM.test(values.quietEnd)) {
    problems.push({ text: 'Enter when quiet hours end, like 08:00', href: '#quietEnd' });
  }
  if (quiet && !IANAZone.isValidZone(values.timeZone)) {
    problems.push({ text: 'Enter a time zone, like Europe/London', href: '#timeZone' });
  }
  if (values.emergencyBypassesQuietHours === '') {
    problems.push({
      text: 'Select whether emergencies may go out during quiet hours',
      href: '#emergencyBypassesQuietHours',
    });
  }
  const emergency = parseEmergencyPath(values, problems);
  const kinds = values.allowedContentKinds.filter((kind): kind is ContentKind =>
    (CONTENT_KINDS as readonly string[]).includes(kind),
  );
  if (kinds.length === 0) {
    problems.push({ text: 'Select at least one kind of message', href: '#allowedContentKinds' });
  }
  const retention = wholeNumber(values.inboundRetentionDays);
  if (retention === undefined || retention < 1 || retention > 365) {
    problems.push({
      text: "Days to keep residents' messages must be a whole number from 1 to 365",
      href: '#inboundRetentionDays',
    });
  }
  if (problems.length > 0) return { values, problems };
  return {
    values,
    problems,
    policy: {
      approvalsRequired: approvals!,
      approverRoles: roles,
      quietHours: quiet
        ? { start: values.quietStart, end: values.quietEnd, timeZone: values.timeZone }
        : null,
      emergencyBypassesQuietHours: values.emergencyBypassesQuietHours === 'yes',
      allowedContentKinds: kinds,
      inboundRetentionDays: retention!,
      emergency: emergency ?? null,
    },
  };
}

/**
 * The emergency path's fields; the rules across fields (two or more approvals, emergencies
 * through quiet hours, on-call people who can sign off here) are the channels service's.
 */
function parseEmergencyPath(
  values: PolicyFormValues,
  problems: FormProblem[],
): GovernancePolicyDto['emergency'] {
  if (values.emergencyPath === '') {
    problems.push({
      text: 'Select whether an emergency can go out on one on-call approval',
      href: '#emergencyPath',
    });
    return undefined;
  }
  if (values.emergencyPath === 'no') return null;
  const onCall = values.onCallApproverIds.filter((id) => UUID.test(id));
  if (onCall.length === 0) {
    problems.push({ text: 'Select who is on call', href: '#onCallApproverIds' });
  }
  const hours = wholeNumber(values.retrospectiveReviewHours);
  if (hours === undefined || hours < 1 || hours > MAX_RETROSPECTIVE_REVIEW_HOURS) {
    problems.push({
      text: `Hours for the second approver's review must be a whole number from 1 to ${MAX_RETROSPECTIVE_REVIEW_HOURS}`,
      href: '#retrospectiveReviewHours',
    });
  }
  return { singleApproval: true, onCallApproverIds: onCall, retrospectiveReviewHours: hours ?? 0 };
}

const APPROVER_WORDS: Record<ApproverRole, string> = {
  service_manager: "managers of the channel's service",
  comms_approver: 'comms approvers',
};

const CONTENT_WORDS: Record<ContentKind, string> = {
  template: 'approved WhatsApp templates',
  text: 'free text',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function emergencyPathWords(emergency: NonNullable<GovernancePolicy['emergency']>): string {
  const who =
    emergency.onCallApproverIds.length === 1
      ? 'the on-call approver'
      : `one of ${emergency.onCallApproverIds.length} on-call approvers`;
  const within = plural(emergency.retrospectiveReviewHours, 'hour', 'hours');
  return `Yes, from ${who}; another approver reviews it within ${within}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A policy in plain words, as rows for a summary list. */
export function describePolicy(
  policy: GovernancePolicy,
  kind: ChannelKind,
): { key: string; value: string }[] {
  const approvers = policy.approverRoles.map((role) => APPROVER_WORDS[role]).join(' or ');
  const quiet = policy.quietHours;
  return [
    { key: 'Who may sign off', value: capitalised(approvers) },
    {
      key: 'Approvals needed',
      value:
        policy.approvalsRequired === 1
          ? 'One person, who did not write the message'
          : `${policy.approvalsRequired} different people, none of them the writer`,
    },
    {
      key: 'Quiet hours',
      value: quiet
        ? `${quiet.start} to ${quiet.end} (${quiet.timeZone} time). Routine messages wait until quiet hours end.`
        : 'None. Messages go out as soon as they are approved or at their scheduled time.',
    },
    {
      key: 'Emergencies in quiet hours',
      value: policy.emergencyBypassesQuietHours
        ? 'May go out at once, with the reason recorded'
        : 'Wait until quiet hours end, like any other message',
    },
    {
      key: 'Emergencies on one approval',
      value: policy.emergency?.singleApproval
        ? emergencyPathWords(policy.emergency)
        : 'No, emergencies need the usual approvals',
    },
    {
      key: 'Kinds of message allowed',
      value: capitalised(policy.allowedContentKinds.map((k) => CONTENT_WORDS[k]).join(' and ')),
    },
    {
      key: "Residents' messages kept for",
      value: `${policy.inboundRetentionDays ?? DEFAULT_INBOUND_RETENTION_DAYS} days`,
    },
    {
      key: 'Kind of channel',
      value: kind === 'corporate' ? 'Corporate (whole council)' : 'Service',
    },
  ];
}
