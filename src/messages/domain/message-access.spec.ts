import { describe, expect, it } from 'vitest';
import type { GovernancePolicy } from '../../channels/governance-policy.js';
import type { Actor } from '../../organisation/actor.js';
import type { ApproverRole, Role } from '../../organisation/role.js';
import {
  approvalRefusal,
  canDraft,
  canView,
  type ChannelFacts,
  messageServiceFor,
} from './message-access.js';

const HIGHWAYS = 'svc-highways';
const WASTE = 'svc-waste';
const LIBRARIES = 'svc-libraries';

const actor = (id: string, roles: Role[], serviceIds: string[] = []): Actor => ({
  id,
  email: `${id}@example.gov.uk`,
  name: id,
  roles,
  serviceIds,
});

const policy = (approverRoles: ApproverRole[]): GovernancePolicy => ({
  approvalsRequired: 1,
  approverRoles,
  quietHours: null,
  emergencyBypassesQuietHours: false,
  allowedContentKinds: ['template', 'text'],
});

const corporate = (approverRoles: ApproverRole[] = ['comms_approver']): ChannelFacts => ({
  id: 'ch-corporate',
  kind: 'corporate',
  serviceId: null,
  policy: policy(approverRoles),
});

const serviceChannel = (
  serviceId: string,
  approverRoles: ApproverRole[] = ['service_manager', 'comms_approver'],
): ChannelFacts => ({
  id: `ch-${serviceId}`,
  kind: 'service',
  serviceId,
  policy: policy(approverRoles),
});

const officer = actor('officer', ['officer'], [HIGHWAYS]);
const twoServiceOfficer = actor('officer2', ['officer'], [HIGHWAYS, WASTE]);
const manager = actor('manager', ['service_manager'], [HIGHWAYS]);
const comms = actor('comms', ['comms_approver']);
const auditor = actor('auditor', ['auditor']);
const admin = actor('admin', ['admin']);
const noRoles = actor('nobody', [], [HIGHWAYS]);

describe('canView', () => {
  it.each([
    ['officer', officer],
    ['service manager', manager],
  ])('lets a %s see messages of their own services only', (_, who) => {
    expect(canView(who, HIGHWAYS)).toBe(true);
    expect(canView(who, WASTE)).toBe(false);
    expect(canView(who, null)).toBe(false);
  });

  it('lets an officer with two services see both', () => {
    expect(canView(twoServiceOfficer, HIGHWAYS)).toBe(true);
    expect(canView(twoServiceOfficer, WASTE)).toBe(true);
    expect(canView(twoServiceOfficer, LIBRARIES)).toBe(false);
  });

  it.each([
    ['comms_approver', comms],
    ['auditor', auditor],
    ['admin', admin],
  ])('lets a %s see every message, including ones for no service', (_, who) => {
    expect(canView(who, HIGHWAYS)).toBe(true);
    expect(canView(who, WASTE)).toBe(true);
    expect(canView(who, null)).toBe(true);
  });
});

describe('canDraft', () => {
  it.each([
    ['officer', officer],
    ['service manager', manager],
  ])("lets a %s draft on their own service's channel", (_, who) => {
    expect(canDraft(who, serviceChannel(HIGHWAYS), HIGHWAYS)).toBe(true);
  });

  it.each([
    ['officer', officer],
    ['service manager', manager],
  ])("refuses a %s on another service's channel", (_, who) => {
    expect(canDraft(who, serviceChannel(WASTE), WASTE)).toBe(false);
  });

  it("refuses a message for one's own service placed on another service's channel", () => {
    expect(canDraft(officer, serviceChannel(WASTE), HIGHWAYS)).toBe(false);
  });

  it('lets an officer draft on the corporate channel on behalf of one of their services', () => {
    expect(canDraft(officer, corporate(), HIGHWAYS)).toBe(true);
    expect(canDraft(twoServiceOfficer, corporate(), WASTE)).toBe(true);
  });

  it('refuses an officer on the corporate channel for a service not theirs, or for none', () => {
    expect(canDraft(officer, corporate(), WASTE)).toBe(false);
    expect(canDraft(officer, corporate(), null)).toBe(false);
  });

  it('lets a comms approver draft anywhere, for any service or none', () => {
    expect(canDraft(comms, corporate(), null)).toBe(true);
    expect(canDraft(comms, corporate(), WASTE)).toBe(true);
    expect(canDraft(comms, serviceChannel(WASTE), WASTE)).toBe(true);
  });

  it.each([
    ['auditor', actor('aud', ['auditor'], [HIGHWAYS])],
    ['admin', actor('adm', ['admin'], [HIGHWAYS])],
    ['auditor and admin', actor('both', ['auditor', 'admin'], [HIGHWAYS])],
    ['person without roles', noRoles],
  ])('refuses an %s, even for a service they belong to', (_, who) => {
    expect(canDraft(who, serviceChannel(HIGHWAYS), HIGHWAYS)).toBe(false);
    expect(canDraft(who, corporate(), HIGHWAYS)).toBe(false);
  });

  it('lets an admin who is also an officer draft as an officer', () => {
    const adminOfficer = actor('adm-off', ['admin', 'officer'], [HIGHWAYS]);
    expect(canDraft(adminOfficer, serviceChannel(HIGHWAYS), HIGHWAYS)).toBe(true);
    expect(canDraft(adminOfficer, serviceChannel(WASTE), WASTE)).toBe(false);
  });
});

describe('messageServiceFor', () => {
  it("takes a service channel's own service, whether or not it is named", () => {
    expect(messageServiceFor(officer, serviceChannel(HIGHWAYS), undefined)).toBe(HIGHWAYS);
    expect(messageServiceFor(officer, serviceChannel(HIGHWAYS), HIGHWAYS)).toBe(HIGHWAYS);
    expect(messageServiceFor(comms, serviceChannel(WASTE), undefined)).toBe(WASTE);
  });

  it('cannot decide when another service is named on a service channel', () => {
    expect(messageServiceFor(officer, serviceChannel(HIGHWAYS), WASTE)).toBeUndefined();
  });

  it('takes the named service on the corporate channel', () => {
    expect(messageServiceFor(twoServiceOfficer, corporate(), WASTE)).toBe(WASTE);
    expect(messageServiceFor(comms, corporate(), LIBRARIES)).toBe(LIBRARIES);
  });

  it("takes the drafter's only service on the corporate channel when none is named", () => {
    expect(messageServiceFor(officer, corporate(), undefined)).toBe(HIGHWAYS);
  });

  it('cannot decide for a drafter with several services, or none, on the corporate channel', () => {
    expect(messageServiceFor(twoServiceOfficer, corporate(), undefined)).toBeUndefined();
    expect(messageServiceFor(actor('x', ['officer']), corporate(), undefined)).toBeUndefined();
  });

  it('lets a comms approver without a single service write a corporate message for no service', () => {
    expect(messageServiceFor(comms, corporate(), undefined)).toBeNull();
    const commsWithTwo = actor('c2', ['comms_approver'], [HIGHWAYS, WASTE]);
    expect(messageServiceFor(commsWithTwo, corporate(), undefined)).toBeNull();
  });

  describe('together with canDraft, as the drafting service uses them', () => {
    const mayDraft = (who: Actor, channel: ChannelFacts, requested?: string) => {
      const serviceId = messageServiceFor(who, channel, requested);
      return serviceId !== undefined && canDraft(who, channel, serviceId);
    };

    it("keeps an officer off another service's channel, whatever service they name", () => {
      expect(mayDraft(officer, serviceChannel(WASTE))).toBe(false);
      expect(mayDraft(officer, serviceChannel(WASTE), HIGHWAYS)).toBe(false);
      expect(mayDraft(officer, serviceChannel(WASTE), WASTE)).toBe(false);
    });

    it('lets an officer write on the corporate channel for their service, not for another', () => {
      expect(mayDraft(officer, corporate())).toBe(true);
      expect(mayDraft(officer, corporate(), HIGHWAYS)).toBe(true);
      expect(mayDraft(officer, corporate(), WASTE)).toBe(false);
    });
  });
});

describe('approvalRefusal', () => {
  it('lets a comms approver approve on the corporate channel and on service channels', () => {
    expect(approvalRefusal(comms, corporate(), ['officer'])).toBeNull();
    expect(approvalRefusal(comms, serviceChannel(WASTE), ['officer'])).toBeNull();
  });

  it("lets a service manager approve on their own service's channel", () => {
    expect(approvalRefusal(manager, serviceChannel(HIGHWAYS), ['officer'])).toBeNull();
  });

  it("refuses a service manager on another service's channel", () => {
    expect(approvalRefusal(manager, serviceChannel(WASTE), ['officer'])).toBe('NOT_AN_APPROVER');
  });

  it('never lets a service manager approve on the corporate channel, even if the policy names them', () => {
    const managerOfAll = actor('m-all', ['service_manager'], [HIGHWAYS, WASTE, LIBRARIES]);
    expect(approvalRefusal(manager, corporate(['service_manager']), [])).toBe('NOT_AN_APPROVER');
    expect(
      approvalRefusal(managerOfAll, corporate(['service_manager', 'comms_approver']), []),
    ).toBe('NOT_AN_APPROVER');
  });

  it('judges the corporate channel by its kind, even if its facts carry a service', () => {
    const corporateWithService: ChannelFacts = {
      ...corporate(['service_manager']),
      serviceId: HIGHWAYS,
    };
    expect(approvalRefusal(manager, corporateWithService, [])).toBe('NOT_AN_APPROVER');
  });

  it("refuses a role the channel's policy does not name", () => {
    expect(approvalRefusal(manager, serviceChannel(HIGHWAYS, ['comms_approver']), [])).toBe(
      'NOT_AN_APPROVER',
    );
    expect(approvalRefusal(comms, serviceChannel(HIGHWAYS, ['service_manager']), [])).toBe(
      'NOT_AN_APPROVER',
    );
  });

  it.each([
    ['officer', officer],
    ['auditor', auditor],
    ['admin', admin],
    ['person without roles', noRoles],
  ])('refuses an %s as not an approver', (_, who) => {
    expect(approvalRefusal(who, serviceChannel(HIGHWAYS), [])).toBe('NOT_AN_APPROVER');
    expect(approvalRefusal(who, corporate(), [])).toBe('NOT_AN_APPROVER');
  });

  it('refuses an approver who wrote or edited the message (four eyes)', () => {
    expect(approvalRefusal(comms, corporate(), ['comms'])).toBe('SELF_APPROVAL_FORBIDDEN');
    expect(approvalRefusal(comms, corporate(), ['officer', 'comms'])).toBe(
      'SELF_APPROVAL_FORBIDDEN',
    );
    expect(approvalRefusal(manager, serviceChannel(HIGHWAYS), ['manager'])).toBe(
      'SELF_APPROVAL_FORBIDDEN',
    );
  });

  it('checks the approver role before authorship: a non-approver author is not an approver', () => {
    expect(approvalRefusal(officer, serviceChannel(HIGHWAYS), ['officer'])).toBe('NOT_AN_APPROVER');
  });

  it('qualifies someone holding both roles through comms_approver where service_manager does not apply', () => {
    const both = actor('both', ['service_manager', 'comms_approver'], [HIGHWAYS]);
    expect(approvalRefusal(both, corporate(['service_manager', 'comms_approver']), [])).toBeNull();
    expect(approvalRefusal(both, serviceChannel(WASTE), [])).toBeNull();
    expect(approvalRefusal(both, serviceChannel(WASTE, ['service_manager']), [])).toBe(
      'NOT_AN_APPROVER',
    );
  });
});
