import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { approvalOverride } from '../messages/safeguards/approval-override.js';
import { ContentSafeguards } from '../messages/safeguards/content-safeguards.service.js';
import type { Actor } from '../organisation/actor.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import { ResidentReplies } from '../residents/resident-replies.service.js';
import {
  isFullyApproved,
  type TemplateReplyChannel,
  type TemplateReplyContent,
  templateReplyRefusal,
  templateReplyText,
  mayWithdrawTemplateReply,
} from './domain/template-replies.js';
import type { TemplateReplyView } from './dto/inbox.dto.js';
import { InboxConversationAccess } from './inbox-conversation-access.js';
import { InboxErrors } from './inbox.errors.js';
import { type ConversationRow, InboxRepository } from './inbox.repository.js';
import {
  InboxTemplateRepliesRepository,
  type TemplateReplyRow,
} from './inbox-template-replies.repository.js';
import { findingCodes, templateReplyView } from './template-reply-view.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Template replies in the shared inbox: proposed by whoever may answer the conversation, sent
 * once the channel's policy has its approvals, or rejected or withdrawn before then.
 */
@Injectable()
export class InboxTemplateRepliesService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly templateReplies: InboxTemplateRepliesRepository,
    private readonly access: InboxConversationAccess,
    private readonly channels: ChannelsService,
    private readonly replies: ResidentReplies,
    private readonly safeguards: ContentSafeguards,
    private readonly vault: PhoneVault,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Proposes an approved WhatsApp template as the reply, which is how Crier may answer once the
   * 24-hour window has closed (and may inside it too). Who may propose follows free text's rules
   * (not a blocked sender, not a closed conversation or someone else's, and an open one becomes
   * the proposer's); it goes out once the channel's policy has its approvals.
   */
  async proposeTemplateReply(
    actor: Actor,
    id: string,
    template: TemplateReplyContent,
  ): Promise<TemplateReplyView> {
    return this.uow.run(async () => {
      const conversation = this.access.visible(actor, await this.inbox.find(id, true));
      this.access.refuseReply(actor, conversation);
      if (conversation.phoneSealed === null) throw InboxErrors.numberErased();
      if (conversation.status === 'open') {
        await this.inbox.setStatus(id, 'assigned', actor.id, this.clock.now());
      }
      const content: TemplateReplyContent = {
        templateName: template.templateName,
        language: template.language,
        parameters: [...template.parameters],
      };
      const replyId = await this.templateReplies.insertTemplateReply({
        conversationId: id,
        channelId: conversation.channelId,
        proposedBy: actor.id,
        template: content,
      });
      await this.access.record(
        actor,
        'inbox.template_reply_proposed',
        conversation,
        await this.access.resident(conversation),
        {
          templateReplyId: replyId,
          ...this.fingerprint(content),
          contentFindings: findingCodes(this.safeguards, content),
        },
      );
      return this.templateReplyNow(actor, conversation, replyId);
    });
  }

  /**
   * One approval of a pending template reply, under the channel's approval rules (policy
   * approver roles, never the proposer, each person once); findings of the content safeguards
   * need an overrideReason. The approval that completes the policy's count queues the template
   * to the resident in the same transaction, linked to its delivery.
   */
  async approveTemplateReply(
    actor: Actor,
    id: string,
    replyId: string,
    overrideReason?: string,
  ): Promise<TemplateReplyView> {
    return this.uow.run(async () => {
      const conversation = this.access.visible(actor, await this.inbox.find(id, true));
      const reply = await this.pendingTemplateReply(conversation, replyId);
      const channel = await this.channels.sendingState(conversation.channelId);
      const refusal = templateReplyRefusal(actor, channel, {
        proposedBy: reply.proposedById,
        approvedBy: reply.approvals.map((approval) => approval.staffId),
      });
      if (refusal) throw InboxErrors.templateReplyApproval(refusal);
      if (conversation.blockedAt !== null) throw InboxErrors.blocked();
      if (conversation.phoneSealed === null) throw InboxErrors.numberErased();
      const override = approvalOverride(
        this.safeguards.findingsOf({ kind: 'template', ...reply.template }),
        overrideReason,
      );
      if (
        !(await this.templateReplies.approveTemplateReply(
          reply.id,
          actor.id,
          override.contentFindings ?? [],
          override.overrideReason ?? null,
        ))
      ) {
        throw InboxErrors.templateReplyApproval('ALREADY_APPROVED');
      }
      const approvals = reply.approvals.length + 1;
      const person = await this.access.resident(conversation);
      const fingerprint = this.fingerprint(reply.template);
      await this.access.record(actor, 'inbox.template_reply_approved', conversation, person, {
        templateReplyId: reply.id,
        approvals,
        approvalsRequired: channel.policy.approvalsRequired,
        ...fingerprint,
        ...override,
      });
      if (isFullyApproved(approvals, channel.policy)) {
        const deliveryId = await this.replies.queue({
          channel,
          to: this.vault.decrypt(conversation.phoneSealed),
          subscriberId: person.residentId ?? null,
          body: '',
          content: { kind: 'template', ...reply.template },
        });
        await this.templateReplies.markTemplateReplySent(reply.id, deliveryId, this.clock.now());
        await this.access.record(actor, 'inbox.template_reply_sent', conversation, person, {
          templateReplyId: reply.id,
          deliveryId,
          approvals,
          ...fingerprint,
        });
      }
      return this.templateReplyNow(actor, conversation, reply.id, channel);
    });
  }

  /** Turns a pending template reply down, with a comment for its proposer (and the audit log). */
  async rejectTemplateReply(
    actor: Actor,
    id: string,
    replyId: string,
    comment: string,
  ): Promise<TemplateReplyView> {
    return this.uow.run(async () => {
      const conversation = this.access.visible(actor, await this.inbox.find(id, true));
      const reply = await this.pendingTemplateReply(conversation, replyId);
      const channel = await this.channels.sendingState(conversation.channelId);
      // Someone who approved it may still turn it down before it goes.
      const refusal = templateReplyRefusal(actor, channel, {
        proposedBy: reply.proposedById,
        approvedBy: [],
      });
      if (refusal) throw InboxErrors.templateReplyApproval(refusal);
      await this.templateReplies.rejectTemplateReply(reply.id, actor.id, comment, this.clock.now());
      await this.access.record(
        actor,
        'inbox.template_reply_rejected',
        conversation,
        await this.access.resident(conversation),
        { templateReplyId: reply.id, comment, ...this.fingerprint(reply.template) },
      );
      return this.templateReplyNow(actor, conversation, reply.id, channel);
    });
  }

  /**
   * The proposer (or an admin) takes back a template reply still waiting for approval, say
   * because the resident wrote again and free text will do.
   */
  async withdrawTemplateReply(
    actor: Actor,
    id: string,
    replyId: string,
  ): Promise<TemplateReplyView> {
    return this.uow.run(async () => {
      const conversation = this.access.visible(actor, await this.inbox.find(id, true));
      const reply = await this.pendingTemplateReply(conversation, replyId);
      if (!mayWithdrawTemplateReply(actor, reply.proposedById)) {
        throw InboxErrors.notTheProposer();
      }
      await this.templateReplies.withdrawTemplateReply(reply.id, this.clock.now());
      await this.access.record(
        actor,
        'inbox.template_reply_withdrawn',
        conversation,
        await this.access.resident(conversation),
        { templateReplyId: reply.id, ...this.fingerprint(reply.template) },
      );
      return this.templateReplyNow(actor, conversation, reply.id);
    });
  }

  /** The template reply, locked, if it is this conversation's and still waiting. */
  private async pendingTemplateReply(
    conversation: ConversationRow,
    replyId: string,
  ): Promise<TemplateReplyRow> {
    const reply = await this.templateReplies.findTemplateReply(conversation.id, replyId, true);
    if (!reply) throw InboxErrors.templateReplyNotFound();
    if (reply.status !== 'pending') throw InboxErrors.templateReplyNotPending(reply.status);
    return reply;
  }

  private async templateReplyNow(
    actor: Actor,
    conversation: ConversationRow,
    replyId: string,
    channel?: TemplateReplyChannel,
  ): Promise<TemplateReplyView> {
    const reply = await this.templateReplies.findTemplateReply(conversation.id, replyId);
    const rules = channel ?? (await this.channels.sendingState(conversation.channelId));
    return templateReplyView(reply!, rules, actor, this.safeguards);
  }

  /** What the audit log keeps of a template reply: which template, and a fingerprint of its words. */
  private fingerprint(template: TemplateReplyContent) {
    const text = templateReplyText(template);
    return {
      templateName: template.templateName,
      language: template.language,
      parameterCount: template.parameters.length,
      textSha256: sha256(text),
      textLength: text.length,
    };
  }
}
