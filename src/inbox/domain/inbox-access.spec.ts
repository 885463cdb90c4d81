import { describe, expect, it } from 'vitest';
import { APPROVER_ROLES } from '../../organisation/role.js';
import { canWorkInbox, INBOX_APPROVER_ROLES, INBOX_ROLES } from './inbox-access.js';

const youth = { kind: 'service' as const, serviceId: 'youth' };
const corporate = { kind: 'corporate' as const, serviceId: null };

describe('canWorkInbox', () => {
  it("lets a service's officers and managers work its channel's inbox, and no other service's", () => {
    expect(canWorkInbox({ roles: ['officer'], serviceIds: ['youth'] }, youth)).toBe(true);
    expect(canWorkInbox({ roles: ['service_manager'], serviceIds: ['youth'] }, youth)).toBe(true);
    expect(canWorkInbox({ roles: ['officer'], serviceIds: ['highways'] }, youth)).toBe(false);
  });

  it('gives the corporate inbox to the comms team, not to officers', () => {
    expect(canWorkInbox({ roles: ['comms_approver'], serviceIds: [] }, corporate)).toBe(true);
    expect(canWorkInbox({ roles: ['officer'], serviceIds: ['youth'] }, corporate)).toBe(false);
    expect(canWorkInbox({ roles: ['comms_approver'], serviceIds: [] }, youth)).toBe(false);
  });

  it('lets admins see every inbox and auditors none', () => {
    expect(canWorkInbox({ roles: ['admin'], serviceIds: [] }, youth)).toBe(true);
    expect(canWorkInbox({ roles: ['admin'], serviceIds: [] }, corporate)).toBe(true);
    expect(canWorkInbox({ roles: ['auditor'], serviceIds: ['youth'] }, youth)).toBe(false);
    expect(canWorkInbox({ roles: ['auditor'], serviceIds: [] }, corporate)).toBe(false);
  });

  it('lets only inbox workers whom a policy can name approve template replies', () => {
    expect([...INBOX_APPROVER_ROLES].sort()).toEqual(
      APPROVER_ROLES.filter((role) => (INBOX_ROLES as readonly string[]).includes(role)).sort(),
    );
  });
});
