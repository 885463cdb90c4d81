import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuditSubject } from '../audit/audit-event.js';
import { ChannelsService } from '../channels/channels.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import type { CrierError } from '../common/errors/crier-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { approvalOverride } from '../messages/safeguards/approval-override.js';
import { ContentSafeguards } from '../messages/safeguards/content-safeguards.service.js';
import type { Actor } from '../organisation/actor.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { maskPhoneNumber } from '../phone-numbers/phone-number.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import { ResidentOptOutService } from '../residents/resident-opt-out.service.js';
import { ResidentReplies } from '../residents/resident-replies.service.js';
import { canWorkInbox } from './domain/inbox-access.js';
import { serviceWindow } from './domain/service-window.js';
import {
  isFullyApproved,
  type TemplateReplyChannel,
  type TemplateReplyContent,
  templateReplyRefusal,
  templateReplyText,
} from './domain/template-replies.js';
import type {
  ConversationItemView,
  ConversationListView,
  ConversationSummaryView,
  ConversationView,
  ReplyView,
  TemplateReplyView,
} from './dto/inbox.dto.js';
import { InboxErrors } from './inbox.errors.js';
import {
  type ConversationFilter,
  type ConversationRow,
  InboxRepository,
  type TemplateReplyRow,
} from './inbox.repository.js';

const LIST_LIMIT = 200;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The shared inbox of each channel: residents' messages that no module took, grouped into one
 * conversation per sender, worked by the staff of the channel's service. Replies go out through
 * the same queued path as Crier's own replies (ResidentReplies), only inside the 24-hour window.
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly channels: ChannelsService,
    private readonly organisation: OrganisationService,
    private readonly replies: ResidentReplies,
    private readonly optOut: ResidentOptOutService,
    private readonly safeguards: ContentSafeguards,
    private readonly vault: PhoneVault,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The channels whose inbox this person works, by name. */
  async channelsFor(actor: Actor): Promise<{ id: string; name: string }[]> {
    return (await this.channels.list())
      .filter((channel) => canWorkInbox(actor, channel))
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async list(
    actor: Actor,
    filter: ConversationFilter = 'open',
    channelId?: string,
  ): Promise<ConversationListView> {
    const ids = (await this.channelsFor(actor))
      .map((channel) => channel.id)
      .filter((id) => channelId === undefined || id === channelId);
    if (ids.length === 0) return { items: [] };
    const rows = await this.inbox.list(ids, filter, LIST_LIMIT);
    return { items: rows.map((row) => this.summary(row)) };
  }

  async get(actor: Actor, id: string): Promise<ConversationView> {
    const conversation = this.visible(actor, await this.inbox.find(id));
    const [inbound, replies, templateReplies, channel] = await Promise.all([
      this.inbox.inboundOf(conversation),
      this.inbox.repliesOf(conversation.id),
      this.inbox.templateRepliesOf(conversation.id),
      this.channels.sendingState(conversation.channelId),
    ]);
    const items: ConversationItemView[] = [
      ...inbound.map((m): ConversationItemView => ({
        id: m.id,
        direction: 'in',
        at: m.sentAt.toISOString(),
        kind: m.kind,
        text: m.body ?? m.replyId,
        flagged:
          m.flagReason !== null && m.flaggedAt !== null
            ? { reason: m.flagReason, at: m.flaggedAt.toISOString() }
            : null,
      })),
      ...replies.map((r): ConversationItemView => ({
        id: r.id,
        direction: 'out',
        at: r.createdAt.toISOString(),
        text: r.body,
        sentBy: { id: r.sentById, name: r.sentByName },
        status: r.deliveryStatus,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return {
      ...this.summary(conversation),
      items,
      templateReplies: templateReplies.map((reply) =>
        this.templateReplyView(reply, channel, actor),
      ),
    };
  }

  /** To the actor, or to another member of staff who works this channel's inbox. */
  async assign(actor: Actor, id: string, staffId?: string): Promise<ConversationSummaryView> {
    const assignee =
      staffId === undefined || staffId === actor.id
        ? { ...actor, active: true }
        : await this.organisation.getStaff(staffId).catch(() => null);
    return this.uow.run(async () => {
      const conversation = this.visible(actor, await this.inbox.find(id, true));
      if (!assignee || !assignee.active || !canWorkInbox(assignee, this.channelOf(conversation))) {
        throw InboxErrors.invalidAssignee();
      }
      await this.inbox.setStatus(id, 'assigned', assignee.id, this.clock.now());
      await this.record(actor, 'inbox.assigned', conversation, { staffId: assignee.id }, {});
      return this.summary((await this.inbox.find(id))!);
    });
  }

  async close(actor: Actor, id: string): Promise<ConversationSummaryView> {
    return this.uow.run(async () => {
      const conversation = this.visible(actor, await this.inbox.find(id, true));
      await this.inbox.setStatus(id, 'closed', null, this.clock.now());
      await this.record(
        actor,
        'inbox.closed',
        conversation,
        {},
        {
          previousStatus: conversation.status,
        },
      );
      return this.summary((await this.inbox.find(id))!);
    });
  }

  /**
   * Free text to the resident, inside their 24-hour window only. The conversation's row is
   * locked first, so replies to one conversation are taken one at a time: a reply to an open
   * conversation assigns it to its author, and from then on only they may reply (someone else
   * gets CONVERSATION_ASSIGNED), so two officers never both answer the same resident.
   */
  async reply(actor: Actor, id: string, text: string): Promise<ReplyView> {
    return this.uow.run(async () => {
      const conversation = this.visible(actor, await this.inbox.find(id, true));
      this.refuseReply(actor, conversation);
      const now = this.clock.now();
      if (!serviceWindow(conversation.lastInboundAt, now).open) throw InboxErrors.outsideWindow();
      if (conversation.phoneSealed === null) throw InboxErrors.numberErased();
      if (conversation.status === 'open') {
        await this.inbox.setStatus(id, 'assigned', actor.id, now);
      }
      const subscriberId = await this.inbox.subscriberIdOf(conversation.phoneHash);
      const channel = await this.channels.sendingState(conversation.channelId);
      const deliveryId = await this.replies.queue({
        channel,
        to: this.vault.decrypt(conversation.phoneSealed),
        subscriberId,
        body: text,
      });
      const replyId = await this.inbox.insertReply({
        conversationId: id,
        channelId: conversation.channelId,
        deliveryId,
        sentBy: actor.id,
        body: text,
      });
      // The words may name people, so the log keeps a fingerprint of them; the text itself
      // stays with the reply, and goes when the channel's retention period is up.
      await this.record(
        actor,
        'inbox.replied',
        conversation,
        subscriberId ? { residentId: subscriberId } : {},
        { replyId, deliveryId, textSha256: sha256(text), textLength: text.length },
      );
      return { id: replyId, deliveryId, status: 'queued' };
    });
  }

  /** Why this person cannot send free text in this conversation now, or null if they can. */
  replyRefusal(actor: Actor, conversation: ConversationSummaryView): CrierError | null {
    if (conversation.blocked) return InboxErrors.blocked();
    if (conversation.status === 'closed') return InboxErrors.closed();
    if (conversation.status === 'assigned' && conversation.assignee?.id !== actor.id) {
      return InboxErrors.assigned(conversation.assignee?.name ?? 'Someone else');
    }
    if (!conversation.window.open) return InboxErrors.outsideWindow();
    return null;
  }

  async flag(
    actor: Actor,
    id: string,
    messageId: string,
    reason: string,
  ): Promise<ConversationSummaryView> {
    return this.uow.run(async () => {
      const conversation = this.visible(actor, await this.inbox.find(id));
      if (!(await this.inbox.isInboundOf(conversation, messageId))) {
        throw InboxErrors.messageNotFound();
      }
      if (!(await this.inbox.flag(messageId, actor.id, reason))) throw InboxErrors.alreadyFlagged();
      await this.record(
        actor,
        'inbox.message_flagged',
        conversation,
        await this.resident(conversation),
        {
          inboundMessageId: messageId,
          reason,
        },
      );
      return this.summary(conversation);
    });
  }

  /**
   * Keeps the sender out of this channel's inbox: their messages are still stored (and deleted
   * on schedule) but open no conversation, and template replies waiting for approval are
   * withdrawn. Their subscriptions are untouched unless `unsubscribe` is set: then they end as
   * STOP ends them, though the number is not suppressed (see ResidentOptOutService).
   */
  async block(
    actor: Actor,
    id: string,
    reason: string,
    unsubscribe = false,
  ): Promise<ConversationSummaryView> {
    return this.uow.run(async () => {
      const conversation = this.visible(actor, await this.inbox.find(id, true));
      const { channelId, phoneHash } = conversation;
      if (!(await this.inbox.block(channelId, phoneHash, actor.id, reason))) {
        throw InboxErrors.alreadyBlocked();
      }
      const now = this.clock.now();
      await this.inbox.setStatus(id, 'closed', null, now);
      const withdrawn = await this.inbox.withdrawPendingTemplateReplies(id, now);
      const unsubscribed = unsubscribe
        ? await this.optOut.unsubscribeByStaff({
            phoneHash,
            reason: 'staff_block',
            channelId,
            evidence: { conversationId: id },
            actor: { kind: 'staff', id: actor.id },
          })
        : null;
      await this.record(
        actor,
        'inbox.sender_blocked',
        conversation,
        await this.resident(conversation),
        {
          reason,
          unsubscribe,
          subscriptionsEnded: unsubscribed !== null,
          ...(withdrawn.length > 0 ? { withdrawnTemplateReplies: withdrawn } : {}),
        },
      );
      return this.summary((await this.inbox.find(id))!);
    });
  }

  async unblock(actor: Actor, id: string): Promise<ConversationSummaryView> {
    return this.uow.run(async () => {
      const conversation = this.visible(actor, await this.inbox.find(id, true));
      if (!(await this.inbox.unblock(conversation.channelId, conversation.phoneHash))) {
        throw InboxErrors.notBlocked();
      }
      await this.record(
        actor,
        'inbox.sender_unblocked',
        conversation,
        await this.resident(conversation),
        {},
      );
      return this.summary((await this.inbox.find(id))!);
    });
  }

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
      const conversation = this.visible(actor, await this.inbox.find(id, true));
      this.refuseReply(actor, conversation);
      if (conversation.phoneSealed === null) throw InboxErrors.numberErased();
      if (conversation.status === 'open') {
        await this.inbox.setStatus(id, 'assigned', actor.id, this.clock.now());
      }
      const content: TemplateReplyContent = {
        templateName: template.templateName,
        language: template.language,
        parameters: [...template.parameters],
      };
      const replyId = await this.inbox.insertTemplateReply({
        conversationId: id,
        channelId: conversation.channelId,
        proposedBy: actor.id,
        template: content,
      });
      await this.record(
        actor,
        'inbox.template_reply_proposed',
        conversation,
        await this.resident(conversation),
        {
          templateReplyId: replyId,
          ...this.fingerprint(content),
          contentFindings: this.findingCodes(content),
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
      const conversation = this.visible(actor, await this.inbox.find(id, true));
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
        !(await this.inbox.approveTemplateReply(
          reply.id,
          actor.id,
          override.contentFindings ?? [],
          override.overrideReason ?? null,
        ))
      ) {
        throw InboxErrors.templateReplyApproval('ALREADY_APPROVED');
      }
      const approvals = reply.approvals.length + 1;
      const person = await this.resident(conversation);
      const fingerprint = this.fingerprint(reply.template);
      await this.record(actor, 'inbox.template_reply_approved', conversation, person, {
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
        await this.inbox.markTemplateReplySent(reply.id, deliveryId, this.clock.now());
        await this.record(actor, 'inbox.template_reply_sent', conversation, person, {
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
      const conversation = this.visible(actor, await this.inbox.find(id, true));
      const reply = await this.pendingTemplateReply(conversation, replyId);
      const channel = await this.channels.sendingState(conversation.channelId);
      // Someone who approved it may still turn it down before it goes.
      const refusal = templateReplyRefusal(actor, channel, {
        proposedBy: reply.proposedById,
        approvedBy: [],
      });
      if (refusal) throw InboxErrors.templateReplyApproval(refusal);
      await this.inbox.rejectTemplateReply(reply.id, actor.id, comment, this.clock.now());
      await this.record(
        actor,
        'inbox.template_reply_rejected',
        conversation,
        await this.resident(conversation),
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
      const conversation = this.visible(actor, await this.inbox.find(id, true));
      const reply = await this.pendingTemplateReply(conversation, replyId);
      if (reply.proposedById !== actor.id && !actor.roles.includes('admin')) {
        throw InboxErrors.notTheProposer();
      }
      await this.inbox.withdrawTemplateReply(reply.id, this.clock.now());
      await this.record(
        actor,
        'inbox.template_reply_withdrawn',
        conversation,
        await this.resident(conversation),
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
    const reply = await this.inbox.findTemplateReply(conversation.id, replyId, true);
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
    const reply = await this.inbox.findTemplateReply(conversation.id, replyId);
    const rules = channel ?? (await this.channels.sendingState(conversation.channelId));
    return this.templateReplyView(reply!, rules, actor);
  }

  /** The template reply as this person sees it, with what they may do to it now. */
  private templateReplyView(
    reply: TemplateReplyRow,
    channel: TemplateReplyChannel,
    actor: Actor,
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
      contentFindings: reply.status === 'pending' ? this.findingCodes(reply.template) : [],
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
        withdraw:
          reply.status === 'pending' &&
          (reply.proposedById === actor.id || actor.roles.includes('admin')),
      },
    };
  }

  private findingCodes(template: TemplateReplyContent): string[] {
    const findings = this.safeguards.findingsOf({ kind: 'template', ...template });
    return [...new Set(findings.map((found) => found.code))];
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

  private refuseReply(actor: Actor, conversation: ConversationRow): void {
    if (conversation.blockedAt !== null) throw InboxErrors.blocked();
    if (conversation.status === 'closed') throw InboxErrors.closed();
    if (conversation.status === 'assigned' && conversation.assigneeId !== actor.id) {
      throw InboxErrors.assigned(conversation.assigneeName ?? 'Someone else');
    }
  }

  private channelOf(conversation: ConversationRow) {
    return { kind: conversation.channelKind, serviceId: conversation.channelServiceId };
  }

  private visible(actor: Actor, conversation: ConversationRow | null): ConversationRow {
    if (!conversation || !canWorkInbox(actor, this.channelOf(conversation))) {
      throw InboxErrors.notFound();
    }
    return conversation;
  }

  private async resident(conversation: ConversationRow): Promise<AuditSubject> {
    const subscriberId = await this.inbox.subscriberIdOf(conversation.phoneHash);
    return subscriberId ? { residentId: subscriberId } : {};
  }

  /** Inbox events name the channel, and at most one person: the resident, or an assignee. */
  private record(
    actor: Actor,
    type: string,
    conversation: ConversationRow,
    person: Pick<AuditSubject, 'residentId' | 'staffId'>,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      type,
      actor: { kind: 'staff', id: actor.id },
      subject: { channelId: conversation.channelId, ...person },
      data: { conversationId: conversation.id, ...data },
    });
  }

  private summary(row: ConversationRow): ConversationSummaryView {
    const window = serviceWindow(row.lastInboundAt, this.clock.now());
    return {
      id: row.id,
      channel: { id: row.channelId, name: row.channelName },
      resident:
        row.phoneSealed === null ? 'Erased' : maskPhoneNumber(this.vault.decrypt(row.phoneSealed)),
      status: row.status,
      assignee:
        row.assigneeId !== null ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
      lastMessageAt: row.lastMessageAt.toISOString(),
      blocked: row.blockedAt !== null,
      window: { open: window.open, closesAt: window.closesAt?.toISOString() ?? null },
    };
  }
}
