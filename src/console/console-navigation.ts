import { type Actor, hasRole } from '../organisation/actor.js';
import type { Role } from '../organisation/role.js';

export interface NavigationEntry {
  text: string;
  href: string;
  /** Who sees it; keep it the same as the page's own @ConsolePage(...) roles. */
  roles: readonly Role[] | 'any';
}

/**
 * The console's service navigation, in order. A new page adds one line here (Messages, Review,
 * Audit, Residents, Settings as they are built); only pages that exist are listed.
 */
export const CONSOLE_NAVIGATION: readonly NavigationEntry[] = [
  { text: 'Home', href: '/console', roles: 'any' },
  { text: 'Messages', href: '/console/messages', roles: 'any' },
  { text: 'Review', href: '/console/review', roles: ['service_manager', 'comms_approver'] },
  {
    text: 'Emergency reviews',
    href: '/console/emergency-reviews',
    roles: ['service_manager', 'comms_approver', 'admin'],
  },
  {
    text: 'Inbox',
    href: '/console/inbox',
    roles: ['officer', 'service_manager', 'comms_approver', 'admin'],
  },
  { text: 'Training', href: '/console/training', roles: 'any' },
  { text: 'Audit', href: '/console/audit', roles: ['auditor', 'admin'] },
  { text: 'Residents', href: '/console/residents', roles: ['admin'] },
  { text: 'Settings', href: '/console/settings', roles: ['admin'] },
];

export interface NavigationItem {
  text: string;
  href: string;
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
    .map(({ text, href }) => {
      const current = path === href;
      // Home is every page's parent; it is only active on itself.
      const active = current || (href !== '/console' && path.startsWith(`${href}/`));
      return { text, href, active, current };
    });
}
