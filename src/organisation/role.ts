export const ROLES = ['officer', 'service_manager', 'comms_approver', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a channel's governance policy may name as approvers. */
export const APPROVER_ROLES = ['service_manager', 'comms_approver'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];
