import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/access.decorators.js';
import { UuidParam } from '../common/http/uuid-param.pipe.js';
import type { Actor } from '../organisation/actor.js';
import { INBOX_APPROVER_ROLES, INBOX_ROLES } from './domain/inbox-access.js';
import {
  ApproveTemplateReplyDto,
  AssignConversationDto,
  BlockDto,
  ConversationListView,
  ConversationSummaryView,
  ConversationView,
  ListConversationsQueryDto,
  ProposeTemplateReplyDto,
  ReasonDto,
  RejectTemplateReplyDto,
  ReplyDto,
  ReplyView,
  TemplateReplyView,
} from './dto/inbox.dto.js';
import { InboxService } from './inbox.service.js';
import { InboxTemplateRepliesService } from './inbox-template-replies.service.js';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/inbox/conversations')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly templateReplies: InboxTemplateRepliesService,
  ) {}

  @Get()
  @Roles(...INBOX_ROLES)
  @ApiOperation({ summary: 'Conversations in the inboxes of the channels you work, newest first' })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListConversationsQueryDto,
  ): Promise<ConversationListView> {
    return this.inbox.list(actor, query.status, query.channelId);
  }

  @Get(':id')
  @Roles(...INBOX_ROLES)
  @ApiOperation({
    summary: "A conversation: the resident's messages and staff replies, oldest first",
  })
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ConversationView> {
    return this.inbox.get(actor, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(...INBOX_ROLES)
  @ApiOperation({ summary: 'Assign the conversation to yourself or a colleague (reopens it)' })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: AssignConversationDto,
  ): Promise<ConversationSummaryView> {
    return this.inbox.assign(actor, id, body.staffId);
  }

  @Post(':id/replies')
  @Roles(...INBOX_ROLES)
  @ApiOperation({ summary: "Reply with free text, inside the resident's 24-hour window" })
  reply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: ReplyDto,
  ): Promise<ReplyView> {
    return this.inbox.reply(actor, id, body.text);
  }

  @Post(':id/template-replies')
  @Roles(...INBOX_ROLES)
  @ApiOperation({
    summary:
      "Propose an approved WhatsApp template as the reply (allowed outside the 24-hour window); it goes once the channel's policy has its approvals",
  })
  proposeTemplateReply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: ProposeTemplateReplyDto,
  ): Promise<TemplateReplyView> {
    return this.templateReplies.proposeTemplateReply(actor, id, body);
  }

  @Post(':id/template-replies/:replyId/approve')
  @HttpCode(200)
  @Roles(...INBOX_APPROVER_ROLES)
  @ApiOperation({
    summary:
      "Approve a template reply (channel's approver roles, not its proposer); the last approval needed sends it",
  })
  approveTemplateReply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('replyId', UuidParam) replyId: string,
    @Body() body: ApproveTemplateReplyDto,
  ): Promise<TemplateReplyView> {
    return this.templateReplies.approveTemplateReply(actor, id, replyId, body.overrideReason);
  }

  @Post(':id/template-replies/:replyId/reject')
  @HttpCode(200)
  @Roles(...INBOX_APPROVER_ROLES)
  @ApiOperation({ summary: 'Reject a template reply, with a comment for its proposer' })
  rejectTemplateReply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('replyId', UuidParam) replyId: string,
    @Body() body: RejectTemplateReplyDto,
  ): Promise<TemplateReplyView> {
    return this.templateReplies.rejectTemplateReply(actor, id, replyId, body.comment);
  }

  @Post(':id/template-replies/:replyId/withdraw')
  @HttpCode(200)
  @Roles(...INBOX_ROLES)
  @ApiOperation({ summary: 'Withdraw a template reply you proposed, while it waits for approval' })
  withdrawTemplateReply(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('replyId', UuidParam) replyId: string,
  ): Promise<TemplateReplyView> {
    return this.templateReplies.withdrawTemplateReply(actor, id, replyId);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...INBOX_ROLES)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<ConversationSummaryView> {
    return this.inbox.close(actor, id);
  }

  @Post(':id/messages/:messageId/flag')
  @HttpCode(200)
  @Roles(...INBOX_ROLES)
  @ApiOperation({ summary: "Flag one of the resident's messages as abusive, with a reason" })
  flag(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('messageId', UuidParam) messageId: string,
    @Body() body: ReasonDto,
  ): Promise<ConversationSummaryView> {
    return this.inbox.flag(actor, id, messageId, body.reason);
  }

  @Post(':id/block')
  @HttpCode(200)
  @Roles(...INBOX_ROLES)
  @ApiOperation({
    summary:
      "Block the sender from this channel's inbox; their subscriptions end too only with unsubscribe: true",
  })
  block(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: BlockDto,
  ): Promise<ConversationSummaryView> {
    return this.inbox.block(actor, id, body.reason, body.unsubscribe ?? false);
  }

  @Post(':id/unblock')
  @HttpCode(200)
  @Roles(...INBOX_ROLES)
  unblock(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<ConversationSummaryView> {
    return this.inbox.unblock(actor, id);
  }
}
