import { isEmail } from 'class-validator';
import { ROLES, type Role } from '../../organisation/role.js';
import { type FormBody, type FormProblem, listField, textField } from './forms.js';
import { NAME_MAX } from './simple-forms.js';

/** What each role may do, in the words the staff pages use. */
export const ROLE_DESCRIPTIONS: Record<Role, { name: string; hint: string }> = {
  officer: { name: 'Officer', hint: 'Drafts messages for their services' },
  service_manager: {
    name: 'Service manager',
    hint: "Drafts, and signs off messages on their service's own channel",
  },
  comms_approver: { name: 'Comms approver', hint: 'Drafts, and signs off messages' },
  auditor: { name: 'Auditor', hint: 'Reads and exports the audit log' },
  admin: { name: 'Admin', hint: 'Manages staff, channels, areas, topics and residents' },
};

export const roleName = (role: Role): string => ROLE_DESCRIPTIONS[role].name;

export interface StaffFormValues {
  name: string;
  email: string;
  roles: Role[];
  serviceIds: string[];
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * The add-a-person form (with email) or the change-a-person form (without). Service ids are
 * checked against the services the form offered, so a stale or forged one is a problem here.
 */
export function parseStaffForm(
  body: FormBody,
  options: { withEmail: boolean; serviceIds: string[] },
): { values: StaffFormValues; problems: FormProblem[] } {
  const values: StaffFormValues = {
    name: textField(body, 'name'),
    email: options.withEmail ? textField(body, 'email') : '',
    roles: listField(body, 'roles').filter(isRole),
    serviceIds: listField(body, 'serviceIds').filter((id) => options.serviceIds.includes(id)),
  };
  const problems: FormProblem[] = [];
  if (values.name === '') problems.push({ text: 'Enter their full name', href: '#name' });
  else if (values.name.length > NAME_MAX) {
    problems.push({ text: `Name must be ${NAME_MAX} characters or fewer`, href: '#name' });
  }
  if (options.withEmail) {
    if (values.email === '') {
      problems.push({ text: 'Enter their council email address', href: '#email' });
    } else if (values.email.length > 254 || !isEmail(values.email)) {
      problems.push({
        text: 'Enter an email address in the correct format, like name@example.gov.uk',
        href: '#email',
      });
    }
  }
  if (values.roles.length === 0) {
    problems.push({ text: 'Select at least one role', href: '#roles' });
  }
  return { values, problems };
}
