import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuditSubject } from '../audit/audit-event.js';
import type { Actor } from '../organisation/actor.js';
import { canWorkInbox } from './domain/inbox-access.js';
import { InboxErrors } from './inbox.errors.js';
import { type ConversationRow, InboxRepository } from './inbox.repository.js';

export const channelOf = (conversation: ConversationRow) => ({
  kind: conversation.channelKind,
  serviceId: conversation.channelServiceId,
});

/**
 * What conversations and their template replies share: who may see a conversation, who may
 * answer it, and how its events go to the audit log.
 */
@Injectable()
export class InboxConversationAccess {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly audit: AuditLog,
  ) {}

  refuseReply(actor: Actor, conversation: ConversationRow): void {
    if (conversation.blockedAt !== null) throw InboxErrors.blocked();
    if (conversation.status === 'closed') throw InboxErrors.closed();
    if (conversation.status === 'assigned' && conversation.assigneeId !== actor.id) {
      throw InboxErrors.assigned(conversation.assigneeName ?? 'Someone else');
    }
  }

  visible(actor: Actor, conversation: ConversationRow | null): ConversationRow {
    if (!conversation || !canWorkInbox(actor, channelOf(conversation))) {
      throw InboxErrors.notFound();
    }
    return conversation;
  }

  async resident(conversation: ConversationRow): Promise<AuditSubject> {
    const subscriberId = await this.inbox.subscriberIdOf(conversation.phoneHash);
    return subscriberId ? { residentId: subscriberId } : {};
  }

  /** Inbox events name the channel, and at most one person: the resident, or an assignee. */
  record(
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
}
