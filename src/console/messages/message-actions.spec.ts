import { describe, expect, it } from 'vitest';
import type { ChannelFacts } from '../../messages/domain/message-access.js';
import type { Actor } from '../../organisation/actor.js';
import type { Role } from '../../organisation/role.js';
import { draftableChannels, messageActions } from './message-actions.js';

const policy = {
  approvalsRequired: 1,
  approverRoles: ['comms_approver', 'service_manager'] as const,
  quietHours: null,
  emergencyBypassesQuietHours: false,
  allowedContentKinds: ['template', 'text'] as const,
};
const youth: ChannelFacts = {
  id: 'y',
  kind: 'service',
  serviceId: 'youth',
  policy: {
    ...policy,
    approverRoles: [...policy.approverRoles],
    allowedContentKinds: [...policy.allowedContentKinds],
  },
};
const corporate: ChannelFacts = { ...youth, id: 'c', kind: 'corporate', serviceId: null };
const person = (roles: Role[], serviceIds: string[] = [], id = 'p'): Actor => ({
  id,
  email: `${id}@example.gov.uk`,
  name: id,
  roles,
  serviceIds,
});

describe('what the message page offers', () => {
  const draft = { status: 'draft' as const, serviceId: 'youth', editors: ['writer'] };

  it('lets the service’s drafter edit, submit and cancel a draft', () => {
    expect(messageActions(person(['officer'], ['youth']), youth, draft)).toEqual({
      edit: true,
      submit: true,
      cancel: true,
      review: false,
      delivery: false,
    });
  });

  it('offers nothing to an officer of another service or to an auditor', () => {
    for (const actor of [person(['officer'], ['highways']), person(['auditor'])]) {
      expect(Object.values(messageActions(actor, youth, draft)).some(Boolean)).toBe(false);
    }
  });

  it('links an approver to the review, but not the message’s own writer', () => {
    const inReview = { ...draft, status: 'in_review' as const };
    expect(messageActions(person(['comms_approver'], [], 'chris'), youth, inReview).review).toBe(
      true,
    );
    expect(messageActions(person(['comms_approver'], [], 'writer'), youth, inReview).review).toBe(
      false,
    );
    expect(messageActions(person(['officer'], ['youth']), youth, inReview)).toMatchObject({
      edit: false,
      submit: false,
      cancel: true,
    });
  });

  it('links to delivery once sending starts', () => {
    expect(messageActions(person(['auditor']), youth, { ...draft, status: 'sent' }).delivery).toBe(
      true,
    );
  });

  it('lists the channels a person may write for', () => {
    const channels = [corporate, youth];
    expect(draftableChannels(person(['officer'], ['youth']), channels)).toEqual(channels);
    expect(draftableChannels(person(['officer'], ['highways']), channels)).toEqual([corporate]);
    expect(draftableChannels(person(['comms_approver']), channels)).toEqual(channels);
    expect(draftableChannels(person(['auditor', 'admin']), channels)).toEqual([]);
  });
});
