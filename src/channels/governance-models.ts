import type { GovernancePolicy } from './governance-policy.js';

export type GovernanceModelId = 'a' | 'b' | 'c';

export interface GovernanceModel {
  id: GovernanceModelId;
  /** Short, for a radio label. */
  name: string;
  /** Who the model suits, in plain words. */
  description: string;
  /** The kinds of channel the model's policy is valid on (see policyProblems). */
  suits: readonly ('corporate' | 'service')[];
  policy: GovernancePolicy;
}

const EVENINGS = { start: '21:00', end: '08:00', timeZone: 'Europe/London' };
const SERVICE_EVENINGS = { start: '20:00', end: '08:00', timeZone: 'Europe/London' };

/**
 * The three ways a council can organise sign-off (README, "Governance models A, B and C"), as
 * policies an admin starts from. They are starting points, not rules: a channel's stored policy
 * is whatever the admin saves.
 */
export const GOVERNANCE_MODELS: readonly GovernanceModel[] = [
  {
    id: 'a',
    name: 'A: the comms team signs off everything',
    description:
      'One corporate channel for the whole council. Only comms approvers sign off. Routine messages wait until 08:00 after 21:00; emergencies may go out at any time.',
    suits: ['corporate', 'service'],
    policy: {
      approvalsRequired: 1,
      approverRoles: ['comms_approver'],
      quietHours: EVENINGS,
      emergencyBypassesQuietHours: true,
      allowedContentKinds: ['template', 'text'],
      inboundRetentionDays: 7,
      // The emergency path needs two approvals as the rule; an admin adds it to a policy.
      emergency: null,
    },
  },
  {
    id: 'b',
    name: 'B: each service signs off its own messages',
    description:
      "A service's own channel. Its service managers sign off. Routine messages wait until 08:00 after 20:00. For service channels only.",
    suits: ['service'],
    policy: {
      approvalsRequired: 1,
      approverRoles: ['service_manager'],
      quietHours: SERVICE_EVENINGS,
      emergencyBypassesQuietHours: false,
      allowedContentKinds: ['template', 'text'],
      inboundRetentionDays: 7,
      // The emergency path needs two approvals as the rule; an admin adds it to a policy.
      emergency: null,
    },
  },
  {
    id: 'c',
    name: 'C: the service or the comms team signs off',
    description:
      "A service channel alongside the corporate one. Either the service's managers or the comms team may sign off. For service channels only.",
    suits: ['service'],
    policy: {
      approvalsRequired: 1,
      approverRoles: ['comms_approver', 'service_manager'],
      quietHours: SERVICE_EVENINGS,
      emergencyBypassesQuietHours: false,
      allowedContentKinds: ['template', 'text'],
      inboundRetentionDays: 7,
      // The emergency path needs two approvals as the rule; an admin adds it to a policy.
      emergency: null,
    },
  },
];

export const governanceModel = (id: unknown): GovernanceModel | undefined =>
  GOVERNANCE_MODELS.find((model) => model.id === id);
