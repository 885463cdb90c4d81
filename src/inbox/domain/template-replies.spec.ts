import { describe, expect, it } from 'vitest';
import type { GovernancePolicy } from '../../channels/governance-policy.js';
import type { Actor } from '../../organisation/actor.js';
import type { Role } from '../../organisation/role.js';
import {
  isFullyApproved,
  mayWithdrawTemplateReply,
  templateReplyRefusal,
  templateReplyText,
} from './template-replies.js';

const policy = (overrides: Partial<GovernancePolicy> = {}): GovernancePolicy => ({
  approvalsRequired: 2,
  approverRoles: ['service_manager'],
  quietHours: null,
  emergencyBypassesQuietHours: false,
  allowedContentKinds: ['template', 'text'],
  ...overrides,
});
const youth = { id: 'c1', kind: 'service' as const, serviceId: 'youth', policy: policy() };
const person = (id: string, roles: Role[], serviceIds: string[] = ['youth']): Actor => ({
  id,
  email: `${id}@example.gov.uk`,
  name: id,
  roles,
  serviceIds,
});

describe('templateReplyRefusal', () => {
  const reply = { proposedBy: 'officer', approvedBy: ['maya'] };

  it("lets a holder of the policy's approver role approve what someone else proposed", () => {
    expect(templateReplyRefusal(person('sam', ['service_manager']), youth, reply)).toBeNull();
  });

  it('refuses the proposer, even holding an approver role', () => {
    expect(templateReplyRefusal(person('officer', ['service_manager']), youth, reply)).toBe(
      'SELF_APPROVAL_FORBIDDEN',
    );
  });

  it("refuses roles the policy does not name, and another service's manager", () => {
    expect(templateReplyRefusal(person('o2', ['officer']), youth, reply)).toBe('NOT_AN_APPROVER');
    expect(templateReplyRefusal(person('a', ['admin']), youth, reply)).toBe('NOT_AN_APPROVER');
    expect(
      templateReplyRefusal(person('hari', ['service_manager'], ['highways']), youth, reply),
    ).toBe('NOT_AN_APPROVER');
    const commsOnly = { ...youth, policy: policy({ approverRoles: ['comms_approver'] }) };
    expect(templateReplyRefusal(person('sam', ['service_manager']), commsOnly, reply)).toBe(
      'NOT_AN_APPROVER',
    );
  });

  it('counts each approver once', () => {
    expect(templateReplyRefusal(person('maya', ['service_manager']), youth, reply)).toBe(
      'ALREADY_APPROVED',
    );
  });
});

describe('isFullyApproved', () => {
  it("needs the policy's number of approvals", () => {
    expect(isFullyApproved(1, policy({ approvalsRequired: 2 }))).toBe(false);
    expect(isFullyApproved(2, policy({ approvalsRequired: 2 }))).toBe(true);
    expect(isFullyApproved(1, policy({ approvalsRequired: 1 }))).toBe(true);
  });
});

describe('templateReplyText', () => {
  it('is the parameters, one per line', () => {
    expect(
      templateReplyText({ templateName: 'area_alert', language: 'en_GB', parameters: ['a', 'b'] }),
    ).toBe('a\nb');
  });
});

describe('mayWithdrawTemplateReply', () => {
  it('lets the proposer or an admin take a reply back, and nobody else', () => {
    expect(mayWithdrawTemplateReply(person('olivia', ['officer']), 'olivia')).toBe(true);
    expect(mayWithdrawTemplateReply(person('ada', ['admin']), 'olivia')).toBe(true);
    expect(mayWithdrawTemplateReply(person('maya', ['service_manager']), 'olivia')).toBe(false);
  });
});
