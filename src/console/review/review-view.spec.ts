import { describe, expect, it } from 'vitest';
import type { Actor } from '../../organisation/actor.js';
import {
  approvalStanding,
  costInWords,
  residents,
  rolesInWords,
  statusTag,
} from './review-view.js';

const actor = (over: Partial<Actor> = {}): Actor => ({
  id: 'me',
  email: 'me@example.gov.uk',
  name: 'Me',
  roles: ['comms_approver'],
  serviceIds: [],
  ...over,
});
const channel = {
  id: 'c',
  kind: 'corporate' as const,
  serviceId: null,
  policy: {
    approvalsRequired: 1,
    approverRoles: ['comms_approver' as const],
    quietHours: null,
    emergencyBypassesQuietHours: true,
    allowedContentKinds: ['template' as const, 'text' as const],
    inboundRetentionDays: 7,
  },
};
const message = { status: 'in_review' as const, editors: ['author'], approvals: [] };

describe('approvalStanding', () => {
  it('lets a qualified approver who did not write it approve', () => {
    expect(approvalStanding(actor(), message, channel)).toEqual({ mayApprove: true, reason: null });
  });
  it('says plainly why the author, a non-approver or an earlier approver may not', () => {
    expect(approvalStanding(actor({ id: 'author' }), message, channel).reason).toBe(
      'You wrote or edited this message, so someone else must approve it.',
    );
    expect(
      approvalStanding(actor({ roles: ['service_manager'] }), message, channel).reason,
    ).toMatch(/^You cannot approve messages on this channel/);
    const approved = {
      ...message,
      approvals: [{ by: 'me', version: 1, contentHash: 'h', at: '', comment: null, current: true }],
    };
    expect(approvalStanding(actor(), approved, channel).reason).toBe(
      'You have approved this version.',
    );
    expect(approvalStanding(actor(), { ...message, status: 'draft' }, channel).mayApprove).toBe(
      false,
    );
  });
});

describe('wording', () => {
  it('names statuses, roles, counts and costs in plain words', () => {
    expect(statusTag('in_review')).toEqual({ text: 'In review', classes: 'govuk-tag--blue' });
    expect(rolesInWords(['service_manager', 'comms_approver'])).toBe(
      "the service's manager or the communications team",
    );
    expect(residents(1)).toBe('1 resident');
    expect(residents(1200)).toBe('1,200 residents');
    expect(costInWords(null)).toMatch(/^Not known/);
    expect(
      costInWords({ currency: 'GBP', perMessage: 0.0158, example: false, total: 195.05 }),
    ).toBe('£195.05');
  });
});
