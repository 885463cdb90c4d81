import { describe, expect, it } from 'vitest';
import type { Actor } from '../organisation/actor.js';
import { type NavigationEntry, navigationFor } from './console-navigation.js';

const actor = (...roles: Actor['roles']): Actor => ({
  id: 'id',
  email: 'a@example.gov.uk',
  name: 'A',
  roles,
  serviceIds: [],
});

const ENTRIES: NavigationEntry[] = [
  { text: 'Home', href: '/console', description: 'Home', roles: 'any' },
  {
    text: 'Review',
    href: '/console/review',
    description: 'Sign off',
    roles: ['comms_approver', 'service_manager'],
  },
  { text: 'Audit', href: '/console/audit', description: 'The log', roles: ['auditor', 'admin'] },
];

describe('the console navigation', () => {
  it('lists the pages a person may open, in order', () => {
    expect(navigationFor(actor('officer'), '/console', ENTRIES).map((i) => i.text)).toEqual([
      'Home',
    ]);
    expect(
      navigationFor(actor('comms_approver', 'auditor'), '/console', ENTRIES).map((i) => i.text),
    ).toEqual(['Home', 'Review', 'Audit']);
  });

  it('marks the open section, and Home only on itself', () => {
    const items = navigationFor(actor('admin'), '/console/audit/events', ENTRIES);
    expect(items.map((i) => [i.text, i.active, i.current])).toEqual([
      ['Home', false, false],
      ['Audit', true, false],
    ]);
    expect(navigationFor(actor('admin'), '/console', ENTRIES)[0]).toMatchObject({
      active: true,
      current: true,
    });
  });
});
