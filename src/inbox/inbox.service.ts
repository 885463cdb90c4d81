import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import type { CrierError } from '../common/errors/crier-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ContentSafeguards } from '../messages/safeguards/content-safeguards.service.js';
import type { Actor } from '../organisation/actor.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { maskPhoneNumber } from '../phone-numbers/phone-number.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import { ResidentOptOutService } from '../residents/resident-opt-out.service.js';
import { ResidentReplies } from '../residents/resident-replies.service.js';
import { canWorkInbox } from './domain/inbox-access.js';
import { serviceWindow } from './domain/service-window.js';
import type {
  ConversationItemView,
  ConversationListView,
  ConversationSummaryView,
  ConversationView,
  ReplyView,
} from './dto/inbox.dto.js';
import { channelOf, InboxConversationAccess } from './inbox-conversation-access.js';
import { InboxErrors } from './inbox.errors.js';
import {
  type ConversationFilter,
  type ConversationRow,
  InboxRepository,
} from './inbox.repository.js';
import { InboxTemplateRepliesRepository } from './inbox-template-replies.repository.js';
import { templateReplyView } from './template-reply-view.js';

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
    private readonly templateReplies: InboxTemplateRepliesRepository,
    private readonly access: InboxConversationAccess,
    private readonly channels: ChannelsService,
    private readonly organisation: OrganisationService,
    private readonly replies: ResidentReplies,
    private readonly optOut: ResidentOptOutService,
    private readonly safeguards: ContentSafeguards,
    private readonly vault: PhoneVault,
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
    const conversation = this.access.visible(actor, await this.inbox.find(id));
    const [inbound, replies, templateReplies, channel] = await Promise.all([
      this.inbox.inboundOf(conversation),
      this.inbox.repliesOf(conversation.id),
      this.templateReplies.templateRepliesOf(conversation.id),
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
        templateReplyView(reply, channel, actor, this.safeguards),
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
      const conversation = this.access.visible(actor, await this.inbox.find(id, true));
      if (!assignee || !assignee.active || !canWorkInbox(assignee, channelOf(conversation))) {
        throw InboxErrors.invalidAssignee();
      }
      await this.inbox.setStatus(id, 'assigned', assignee.id, this.clock.now());
      await this.access.record(actor, 'inbox.assigned', conversation, { staffId: assignee.id }, {});
      return this.summary((await this.inbox.find(id))!);
    });
  }

  async close(actor: Actor, id: string): Promise<ConversationSummaryView> {
    return this.uow.run(async () => {
      const conversation = this.access.visible(actor, await this.inbox.find(id, true));
      await this.inbox.setStatus(id, 'closed', null, this.clock.now());
      await this.access.record(
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
      const conversation = this.access.visible(actor, await this.inbox.find(id, true));
      this.access.refuseReply(actor, conversation);
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
      await this.access.record(
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
      const conversation = this.access.visible(actor, await this.inbox.find(id));
      if (!(await this.inbox.isInboundOf(conversation, messageId))) {
        throw InboxErrors.messageNotFound();
      }
      if (!(await this.inbox.flag(messageId, actor.id, reason))) throw InboxErrors.alreadyFlagged();
      await this.access.record(
        actor,
        'inbox.message_flagged',
        conversation,
        await this.access.resident(conversation),
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
      const conversation = this.access.visible(actor, await this.inbox.find(id, true));
      const { channelId, phoneHash } = conversation;
      if (!(await this.inbox.block(channelId, phoneHash, actor.id, reason))) {
        throw InboxErrors.alreadyBlocked();
      }
      const now = this.clock.now();
      await this.inbox.setStatus(id, 'closed', null, now);
      const withdrawn = await this.templateReplies.withdrawPendingTemplateReplies(id, now);
      const unsubscribed = unsubscribe
        ? await this.optOut.unsubscribeByStaff({
            phoneHash,
            reason: 'staff_block',
            channelId,
            evidence: { conversationId: id },
            actor: { kind: 'staff', id: actor.id },
          })
        : null;
      await this.access.record(
        actor,
        'inbox.sender_blocked',
        conversation,
        await this.access.resident(conversation),
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
      const conversation = this.access.visible(actor, await this.inbox.find(id, true));
      if (!(await this.inbox.unblock(conversation.channelId, conversation.phoneHash))) {
        throw InboxErrors.notBlocked();
      }
      await this.access.record(
        actor,
        'inbox.sender_unblocked',
        conversation,
        await this.access.resident(conversation),
        {},
      );
      return this.summary((await this.inbox.find(id))!);
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
