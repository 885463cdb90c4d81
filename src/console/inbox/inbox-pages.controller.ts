import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { CrierError } from '../../common/errors/crier-error.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import { InboxService } from '../../inbox/inbox.service.js';
import { InboxTemplateRepliesService } from '../../inbox/inbox-template-replies.service.js';
import type { Actor } from '../../organisation/actor.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import {
  conversationRows,
  conversationTag,
  INBOX_TABS,
  isInboxTab,
  templateReplyRows,
  windowText,
} from './inbox-display.js';
import { ukDayClock } from '../uk-dates.js';
import {
  field,
  type FormProblem,
  type Parsed,
  parseComment,
  parseOverrideReason,
  parseReason,
  parseReply,
  parseTemplateReply,
  wantsUnsubscribe,
} from './inbox-forms.js';

const ROLES = ['officer', 'service_manager', 'comms_approver', 'admin'] as const;
/** Who may approve or reject template replies at all; the channel's policy decides the rest. */
const APPROVERS = ['service_manager', 'comms_approver'] as const;

/** Refusals an officer can act on, shown on the form; anything else is the error page's. */
const REFUSALS = new Set([
  'CONVERSATION_ASSIGNED',
  'CONVERSATION_CLOSED',
  'OUTSIDE_SERVICE_WINDOW',
  'SENDER_BLOCKED',
  'ALREADY_BLOCKED',
  'NOT_BLOCKED',
  'ALREADY_FLAGGED',
  'RESIDENT_ERASED',
  'INBOUND_MESSAGE_NOT_FOUND',
  'TEMPLATE_REPLY_NOT_PENDING',
  'ALREADY_APPROVED',
  'CONTENT_FINDINGS_NEED_REASON',
  'NOT_THE_PROPOSER',
]);

const DONE_MESSAGES: Record<string, string> = {
  replied: 'Your reply is on its way.',
  assigned: 'The conversation is assigned to you.',
  closed: 'The conversation is closed. A new message from the resident will reopen it.',
  flagged: 'The message is flagged as abusive.',
  blocked: 'The sender is blocked. Their new messages will not appear in the inbox.',
  blocked_unsubscribed:
    'The sender is blocked and their subscriptions have ended. Their new messages will not appear in the inbox.',
  template_proposed: 'Your template reply is waiting for approval.',
  template_approved: 'Your approval is recorded. The template reply needs more approvals.',
  template_sent: 'The template reply is approved and on its way.',
  template_rejected: 'The template reply is rejected.',
  template_withdrawn: 'Your template reply is withdrawn.',
  unblocked: 'The sender is unblocked.',
};

interface FormState {
  problems?: FormProblem[];
  values?: Record<string, string>;
  done?: string;
}

/** The shared inbox: the channels' conversations, and one conversation with its actions. */
@Controller('console/inbox')
export class InboxPagesController {
  constructor(
    private readonly inbox: InboxService,
    private readonly templateReplies: InboxTemplateRepliesService,
  ) {}

  @Get()
  @ConsolePage(...ROLES)
  async list(@CurrentActor() actor: Actor, @Query('status') status?: string): Promise<Page> {
    const tab = isInboxTab(status) ? status : 'open';
    const [channels, { items }] = await Promise.all([
      this.inbox.channelsFor(actor),
      this.inbox.list(actor, tab),
    ]);
    return page('console/inbox/index', {
      tabs: INBOX_TABS.map((t) => ({ ...t, current: t.status === tab })),
      tabText: INBOX_TABS.find((t) => t.status === tab)?.text,
      channels,
      rows: items.map((c) => ({
        ...c,
        tag: conversationTag(c),
        lastMessage: ukDayClock(c.lastMessageAt),
      })),
    });
  }

  @Get(':id')
  @ConsolePage(...ROLES)
  show(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query('done') done?: string,
  ): Promise<Page> {
    return this.render(actor, id, { done });
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ConsolePage(...ROLES)
  assign(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Page> {
    return this.act(actor, id, 'assigned', '#assign', () => this.inbox.assign(actor, id));
  }

  @Post(':id/replies')
  @HttpCode(200)
  @ConsolePage(...ROLES)
  reply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    return this.withInput(actor, id, parseReply(body), { text: field(body, 'text') }, (text) =>
      this.act(actor, id, 'replied', '#reply-text', () => this.inbox.reply(actor, id, text), {
        text: field(body, 'text'),
      }),
    );
  }

  @Post(':id/close')
  @HttpCode(200)
  @ConsolePage(...ROLES)
  close(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Page> {
    return this.act(actor, id, 'closed', '#close', () => this.inbox.close(actor, id));
  }

  @Post(':id/messages/:messageId/flag')
  @HttpCode(200)
  @ConsolePage(...ROLES)
  flag(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('messageId', UuidParam) messageId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    const fieldId = `flag-reason-${messageId}`;
    return this.withInput(
      actor,
      id,
      parseReason(body, fieldId),
      { [fieldId]: field(body, 'reason') },
      (reason) =>
        this.act(actor, id, 'flagged', `#${fieldId}`, () =>
          this.inbox.flag(actor, id, messageId, reason),
        ),
    );
  }

  @Post(':id/block')
  @HttpCode(200)
  @ConsolePage(...ROLES)
  block(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    const unsubscribe = wantsUnsubscribe(body);
    return this.withInput(
      actor,
      id,
      parseReason(body, 'block-reason'),
      { 'block-reason': field(body, 'reason'), unsubscribe: unsubscribe ? 'yes' : '' },
      (reason) =>
        this.act(actor, id, unsubscribe ? 'blocked_unsubscribed' : 'blocked', '#block-reason', () =>
          this.inbox.block(actor, id, reason, unsubscribe),
        ),
    );
  }

  @Post(':id/template-replies')
  @HttpCode(200)
  @ConsolePage(...ROLES)
  proposeTemplateReply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    const values = {
      templateName: field(body, 'templateName'),
      language: field(body, 'language'),
      parameters: typeof body.parameters === 'string' ? body.parameters : '',
    };
    return this.withInput(actor, id, parseTemplateReply(body), values, (template) =>
      this.act(
        actor,
        id,
        'template_proposed',
        '#template-name',
        () => this.templateReplies.proposeTemplateReply(actor, id, template),
        values,
      ),
    );
  }

  @Post(':id/template-replies/:replyId/approve')
  @HttpCode(200)
  @ConsolePage(...APPROVERS)
  approveTemplateReply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('replyId', UuidParam) replyId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    const fieldId = `override-reason-${replyId}`;
    const values = { [fieldId]: field(body, 'overrideReason') };
    return this.withInput(actor, id, parseOverrideReason(body, fieldId), values, (reason) =>
      this.act(
        actor,
        id,
        (reply: { status: string }) =>
          reply.status === 'sent' ? 'template_sent' : 'template_approved',
        `#${fieldId}`,
        () => this.templateReplies.approveTemplateReply(actor, id, replyId, reason),
        values,
      ),
    );
  }

  @Post(':id/template-replies/:replyId/reject')
  @HttpCode(200)
  @ConsolePage(...APPROVERS)
  rejectTemplateReply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('replyId', UuidParam) replyId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    const fieldId = `reject-comment-${replyId}`;
    const values = { [fieldId]: field(body, 'comment') };
    return this.withInput(actor, id, parseComment(body, fieldId), values, (comment) =>
      this.act(
        actor,
        id,
        'template_rejected',
        `#${fieldId}`,
        () => this.templateReplies.rejectTemplateReply(actor, id, replyId, comment),
        values,
      ),
    );
  }

  @Post(':id/template-replies/:replyId/withdraw')
  @HttpCode(200)
  @ConsolePage(...ROLES)
  withdrawTemplateReply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('replyId', UuidParam) replyId: string,
  ): Promise<Page> {
    return this.act(actor, id, 'template_withdrawn', '#template-replies', () =>
      this.templateReplies.withdrawTemplateReply(actor, id, replyId),
    );
  }

  @Post(':id/unblock')
  @HttpCode(200)
  @ConsolePage(...ROLES)
  unblock(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Page> {
    return this.act(actor, id, 'unblocked', '#unblock', () => this.inbox.unblock(actor, id));
  }

  private withInput<T>(
    actor: Actor,
    id: string,
    parsed: Parsed<T>,
    values: Record<string, string>,
    next: (value: T) => Promise<Page>,
  ): Promise<Page> {
    if (!parsed.ok) return this.render(actor, id, { problems: [parsed.problem], values });
    return next(parsed.value);
  }

  /** Does it and redirects (PRG), or shows the refusal on the form. */
  private async act<T>(
    actor: Actor,
    id: string,
    done: string | ((result: T) => string),
    href: string,
    work: () => Promise<T>,
    values: Record<string, string> = {},
  ): Promise<Page> {
    let result: T;
    try {
      result = await work();
    } catch (error) {
      if (!(error instanceof CrierError) || !REFUSALS.has(error.code)) throw error;
      return this.render(actor, id, { problems: [{ text: error.message, href }], values });
    }
    throw new SeeOther(
      `/console/inbox/${id}?done=${typeof done === 'string' ? done : done(result)}`,
    );
  }

  private async render(actor: Actor, id: string, state: FormState): Promise<Page> {
    const conversation = await this.inbox.get(actor, id);
    const refusal = this.inbox.replyRefusal(actor, conversation);
    const problems = state.problems ?? [];
    const errors: Record<string, { text: string }> = {};
    for (const { text, href } of problems) errors[href.slice(1)] ??= { text };
    return page('console/inbox/conversation', {
      conversation,
      tag: conversationTag(conversation),
      rows: conversationRows(conversation),
      canReply: refusal === null,
      // Templates are how Crier answers once the window has closed; the other refusals apply.
      canProposeTemplate:
        (refusal === null || refusal.code === 'OUTSIDE_SERVICE_WINDOW') &&
        conversation.resident !== 'Erased',
      templateReplies: templateReplyRows(conversation),
      replyBlockedBy: refusal?.code ?? null,
      replyExplanation:
        refusal === null || refusal.code === 'OUTSIDE_SERVICE_WINDOW'
          ? windowText(conversation.window)
          : refusal.message,
      assignedToMe: conversation.assignee?.id === actor.id,
      done: state.done ? DONE_MESSAGES[state.done] : undefined,
      problems,
      errors,
      values: state.values ?? {},
    });
  }
}
