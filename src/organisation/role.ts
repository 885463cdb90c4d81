export const ROLES = ['officer', 'service_manager', 'comms_approver', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role is called in sentences staff read. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  officer: 'officers',
  service_manager: 'service managers',
  comms_approver: 'the communications team',
  auditor: 'auditors',
  admin: 'administrators',
};

/** "service managers or the communications team": who may do something, in words. */
export function whoMay(roles: readonly string[]): string {
  const names = roles.map((role) => ROLE_NAMES[role as Role] ?? role);
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** The roles a channel's governance policy may name as approvers. */
export const APPROVER_ROLES = ['service_manager', 'comms_approver'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];
