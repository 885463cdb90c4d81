import type { ContentSafeguards } from '../messages/safeguards/content-safeguards.service.js';
import type { Actor } from '../organisation/actor.js';
import {
  type TemplateReplyChannel,
  type TemplateReplyContent,
  templateReplyRefusal,
  mayWithdrawTemplateReply,
} from './domain/template-replies.js';
import type { TemplateReplyView } from './dto/inbox.dto.js';
import type { TemplateReplyRow } from './inbox-template-replies.repository.js';

type Safeguards = Pick<ContentSafeguards, 'findingsOf'>;

/** The codes of the content safeguards' findings on a template reply, each once. */
export function findingCodes(safeguards: Safeguards, template: TemplateReplyContent): string[] {
  const findings = safeguards.findingsOf({ kind: 'template', ...template });
  return [...new Set(findings.map((found) => found.code))];
}

/** The template reply as this person sees it, with what they may do to it now. */
export function templateReplyView(
  reply: TemplateReplyRow,
  channel: TemplateReplyChannel,
  actor: Actor,
  safeguards: Safeguards,
): TemplateReplyView {
  const pending = reply.status === 'pending';
  const approvedBy = reply.approvals.map((approval) => approval.staffId);
  const may = (approvals: string[]) =>
    pending &&
    templateReplyRefusal(actor, channel, {
      proposedBy: reply.proposedById,
      approvedBy: approvals,
    }) === null;
  return {
    id: reply.id,
    status: reply.status,
    templateName: reply.template.templateName,
    language: reply.template.language,
    parameters: reply.template.parameters,
    parametersDeleted: reply.contentDeletedAt !== null,
    proposedBy: { id: reply.proposedById, name: reply.proposedByName },
    proposedAt: reply.createdAt.toISOString(),
    approvals: reply.approvals.map((approval) => ({
      by: { id: approval.staffId, name: approval.name },
      at: approval.at.toISOString(),
      ...(approval.overrideReason !== null ? { overrideReason: approval.overrideReason } : {}),
    })),
    approvalsRequired: channel.policy.approvalsRequired,
    contentFindings: reply.status === 'pending' ? findingCodes(safeguards, reply.template) : [],
    rejection:
      reply.rejectedById !== null
        ? {
            by: { id: reply.rejectedById, name: reply.rejectedByName ?? '' },
            comment: reply.rejectionComment ?? '',
          }
        : null,
    deliveryId: reply.deliveryId,
    deliveryStatus: reply.deliveryStatus,
    youMay: {
      approve: may(approvedBy),
      reject: may([]),
      withdraw: reply.status === 'pending' && mayWithdrawTemplateReply(actor, reply.proposedById),
    },
  };
}
