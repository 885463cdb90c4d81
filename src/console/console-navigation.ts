import { type Actor, hasRole } from '../organisation/actor.js';
import type { Role } from '../organisation/role.js';

export interface NavigationEntry {
  text: string;
  href: string;
  /** What the section is for, as the home page says it. */
  description: string;
  /** Who sees it; keep it the same as the page's own @ConsolePage(...) roles. */
  roles: readonly Role[] | 'any';
}

/**
 * The console's service navigation, in order. A new page adds one line here (Messages, Review,
 * Audit, Residents, Settings as they are built); only pages that exist are listed.
 */
export const CONSOLE_NAVIGATION: readonly NavigationEntry[] = [
  { text: 'Home', href: '/console', description: 'This page.', roles: 'any' },
  {
    text: 'Messages',
    href: '/console/messages',
    description: 'Write an alert or a snap poll, follow it through review, and see its delivery.',
    roles: 'any',
  },
  {
    text: 'Review',
    href: '/console/review',
    description: 'Messages waiting for your sign-off: what changed, who it reaches, and approve.',
    roles: ['service_manager', 'comms_approver'],
  },
  {
    text: 'Emergency reviews',
    href: '/console/emergency-reviews',
    description: 'Emergencies sent on one on-call approval, waiting for a second look.',
    roles: ['service_manager', 'comms_approver', 'admin'],
  },
  {
    text: 'Inbox',
    href: '/console/inbox',
    description: "Residents' replies to your channels: assign, answer, close or block.",
    roles: ['officer', 'service_manager', 'comms_approver', 'admin'],
  },
  {
    text: 'Training',
    href: '/console/training',
    description: 'A pretend phone, to see what residents get and to reply or send STOP as one.',
    roles: 'any',
  },
  {
    text: 'Audit',
    href: '/console/audit',
    description: 'Who wrote, changed, approved and sent what; check the log, download evidence.',
    roles: ['auditor', 'admin'],
  },
  {
    text: 'Residents',
    href: '/console/residents',
    description: 'Who is subscribed, imports, the monthly check, subject access and erasure.',
    roles: ['admin'],
  },
  {
    text: 'Settings',
    href: '/console/settings',
    description: 'Staff and roles, services, channels and their sign-off rules, areas and topics.',
    roles: ['admin'],
  },
];

export interface NavigationItem {
  text: string;
  href: string;
  description: string;
  /** This section is open (the page or one under it). */
  active: boolean;
  /** This exact page is open. */
  current: boolean;
}

export function navigationFor(
  actor: Actor,
  path: string,
  entries: readonly NavigationEntry[] = CONSOLE_NAVIGATION,
): NavigationItem[] {
  return entries
    .filter((entry) => entry.roles === 'any' || hasRole(actor, ...entry.roles))
    .map(({ text, href, description }) => {
      const current = path === href;
      // Home is every page's parent; it is only active on itself.
      const active = current || (href !== '/console' && path.startsWith(`${href}/`));
      return { text, href, description, active, current };
    });
}
