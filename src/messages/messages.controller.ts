import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyStaff, CurrentActor, Roles } from '../auth/access.decorators.js';
import { UuidParam } from '../common/http/uuid-param.pipe.js';
import type { Actor } from '../organisation/actor.js';
import {
  ApproveMessageDto,
  CancelMessageDto,
  CreateMessageDto,
  ListMessagesQueryDto,
  RequestChangesDto,
  UpdateMessageDto,
} from './dto/message-input.dto.js';
import { DeliveryReportView, MessageVersionListView } from './dto/message-history.dto.js';
import { MessageListView, MessageView } from './dto/message-view.dto.js';
import { MessageDraftingService } from './message-drafting.service.js';
import { MessageQueryService } from './message-query.service.js';
import { MessageReviewService } from './message-review.service.js';
import { MessageTestSendService } from './message-test-send.service.js';
import { TestSendDto, TestSendListView, TestSendView } from './dto/test-send.dto.js';

const DRAFTERS = ['officer', 'service_manager', 'comms_approver'] as const;
const APPROVERS = ['service_manager', 'comms_approver'] as const;

@ApiTags('messages')
@ApiBearerAuth()
@Controller('api/v1/messages')
export class MessagesController {
  constructor(
    private readonly drafting: MessageDraftingService,
    private readonly review: MessageReviewService,
    private readonly query: MessageQueryService,
    private readonly testSends: MessageTestSendService,
  ) {}

  @Post()
  @Roles(...DRAFTERS)
  @ApiOperation({ summary: 'Draft a message (version 1)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateMessageDto): Promise<MessageView> {
    return this.drafting.create(actor, body);
  }

  @Get()
  @AnyStaff()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListMessagesQueryDto,
  ): Promise<MessageListView> {
    return this.query.list(actor, query);
  }

  @Get(':id')
  @AnyStaff()
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<MessageView> {
    return this.query.get(actor, id);
  }

  @Get(':id/versions')
  @AnyStaff()
  @ApiOperation({ summary: 'Every version of the message, oldest first, with who wrote each' })
  versions(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<MessageVersionListView> {
    return this.query.versions(actor, id);
  }

  @Get(':id/delivery')
  @AnyStaff()
  @ApiOperation({ summary: 'Delivery counts, the funnel over time, and failures by reason' })
  delivery(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<DeliveryReportView> {
    return this.query.deliveryReport(actor, id);
  }

  @Patch(':id')
  @Roles(...DRAFTERS)
  @ApiOperation({
    summary: 'Edit: stores a new immutable version; earlier approvals no longer count',
  })
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateMessageDto,
  ): Promise<MessageView> {
    return this.drafting.edit(actor, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...DRAFTERS)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<MessageView> {
    return this.drafting.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiOperation({ summary: 'Approve the exact version you reviewed' })
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: ApproveMessageDto,
  ): Promise<MessageView> {
    return this.review.approve(actor, id, body.version, body.comment, body.overrideReason);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @Roles(...APPROVERS)
  requestChanges(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: RequestChangesDto,
  ): Promise<MessageView> {
    return this.review.requestChanges(actor, id, body.comment);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...DRAFTERS)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: CancelMessageDto,
  ): Promise<MessageView> {
    return this.drafting.cancel(actor, id, body.reason);
  }

  @Post(':id/test-send')
  @Roles(...APPROVERS)
  @ApiOperation({
    summary: 'Send the exact version under review to my own registered phone',
  })
  testSend(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: TestSendDto,
  ): Promise<TestSendView> {
    return this.testSends.sendTest(actor, id, body.version);
  }

  @Get(':id/test-sends')
  @AnyStaff()
  @ApiOperation({ summary: 'The tests sent of this message and how far each got' })
  testSendsOf(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<TestSendListView> {
    return this.testSends.list(actor, id);
  }
}
