import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import type { TemplateReplyStatus } from '../domain/template-replies.js';
import type { ConversationFilter, ConversationStatus } from '../inbox.repository.js';

export const CONVERSATION_FILTERS = ['open', 'assigned', 'closed', 'blocked'] as const;
/** WhatsApp's limit for a text message's body. */
export const REPLY_MAX_LENGTH = 4096;
export const REASON_MAX_LENGTH = 500;
/** A template reply's fields, checked as a message's template content is (MessageContentDto). */
export const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
export const TEMPLATE_LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
export const TEMPLATE_MAX_PARAMETERS = 20;
export const TEMPLATE_PARAMETER_MAX_LENGTH = 1024;
export const OVERRIDE_REASON_MAX_LENGTH = 1000;
export const COMMENT_MAX_LENGTH = 2000;

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

export class ListConversationsQueryDto {
  @ApiPropertyOptional({ enum: CONVERSATION_FILTERS, default: 'open' })
  @IsOptional()
  @IsIn(CONVERSATION_FILTERS)
  status?: ConversationFilter;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this channel' })
  @IsOptional()
  @IsUUID()
  channelId?: string;
}

export class AssignConversationDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who answers it; yourself when absent' })
  @IsOptional()
  @IsUUID()
  staffId?: string;
}

export class ReplyDto {
  @ApiProperty({ maxLength: REPLY_MAX_LENGTH, description: 'Free text, inside the 24-hour window' })
  @Transform(trimmed)
  @IsString()
  @Length(1, REPLY_MAX_LENGTH)
  text: string;
}

export class ReasonDto {
  @ApiProperty({
    maxLength: REASON_MAX_LENGTH,
    description: 'Why; kept in the audit log, so describe the problem, not the person',
  })
  @Transform(trimmed)
  @IsString()
  @Length(1, REASON_MAX_LENGTH)
  reason: string;
}

/** A block; `unsubscribe` also ends the resident's subscriptions (default: they stay). */
export class BlockDto extends ReasonDto {
  @ApiPropertyOptional({
    default: false,
    description:
      "Also end the resident's alert subscriptions, as STOP does (without suppressing the number)",
  })
  @IsOptional()
  @IsBoolean()
  unsubscribe?: boolean;
}

export class ProposeTemplateReplyDto {
  @ApiProperty({ example: 'area_alert' })
  @Matches(TEMPLATE_NAME, { message: 'templateName must be lower-case letters, digits and _' })
  templateName: string;

  @ApiProperty({ example: 'en_GB' })
  @Matches(TEMPLATE_LANGUAGE, { message: 'language must be a code such as en_GB or cy' })
  language: string;

  @ApiProperty({ type: [String], example: ['Your missed bin will be collected on Friday.'] })
  @IsArray()
  @ArrayMaxSize(TEMPLATE_MAX_PARAMETERS)
  @IsString({ each: true })
  @Length(1, TEMPLATE_PARAMETER_MAX_LENGTH, { each: true })
  parameters: string[];
}

export class ApproveTemplateReplyDto {
  @ApiPropertyOptional({
    maxLength: OVERRIDE_REASON_MAX_LENGTH,
    description:
      'why it may go out despite its contentFindings; required when it has any, and recorded in the audit log',
  })
  @IsOptional()
  @IsString()
  @Length(1, OVERRIDE_REASON_MAX_LENGTH)
  overrideReason?: string;
}

export class RejectTemplateReplyDto {
  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH, example: 'Use the bin collection template.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, COMMENT_MAX_LENGTH)
  comment: string;
}

export class PersonRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ChannelRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ServiceWindowView {
  @ApiProperty({ description: 'Free text may be sent now' }) open: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closesAt: string | null;
}

export class ConversationSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ChannelRefView }) channel: ChannelRefView;
  @ApiProperty({ description: "The resident's number, masked", example: '+44 •••••••123' })
  resident: string;
  @ApiProperty({ enum: ['open', 'assigned', 'closed'] }) status: ConversationStatus;
  @ApiProperty({ nullable: true, type: PersonRefView }) assignee: PersonRefView | null;
  @ApiProperty({ format: 'date-time' }) lastMessageAt: string;
  @ApiProperty() blocked: boolean;
  @ApiProperty({ type: ServiceWindowView }) window: ServiceWindowView;
}

export class ConversationListView {
  @ApiProperty({ type: [ConversationSummaryView] }) items: ConversationSummaryView[];
}

export class FlagView {
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ConversationItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['in', 'out'], description: "in: the resident's; out: a staff reply" })
  direction: 'in' | 'out';
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String, description: 'null once retention removed it' })
  text: string | null;
  @ApiPropertyOptional({ description: 'in: text, button_reply, list_reply, quick_reply, other' })
  kind?: string;
  @ApiPropertyOptional({ nullable: true, type: FlagView }) flagged?: FlagView | null;
  @ApiPropertyOptional({ type: PersonRefView }) sentBy?: PersonRefView;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'out: delivery status' })
  status?: string | null;
}

export class TemplateReplyApprovalView {
  @ApiProperty({ type: PersonRefView }) by: PersonRefView;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiPropertyOptional({ type: String, description: 'given when it had contentFindings' })
  overrideReason?: string;
}

export class TemplateReplyRejectionView {
  @ApiProperty({ type: PersonRefView }) by: PersonRefView;
  @ApiProperty() comment: string;
}

export class TemplateReplyActionsView {
  @ApiProperty({ description: 'You may approve it now' }) approve: boolean;
  @ApiProperty({ description: 'You may reject it now' }) reject: boolean;
  @ApiProperty({ description: 'You may withdraw it now (you proposed it, or you are an admin)' })
  withdraw: boolean;
}

export class TemplateReplyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending', 'sent', 'rejected', 'withdrawn'] }) status: TemplateReplyStatus;
  @ApiProperty() templateName: string;
  @ApiProperty() language: string;
  @ApiProperty({ type: [String], description: 'empty once retention removed them' })
  parameters: string[];
  @ApiProperty({ description: "Retention removed the parameters (the channel's inbound period)" })
  parametersDeleted: boolean;
  @ApiProperty({ type: PersonRefView }) proposedBy: PersonRefView;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ type: [TemplateReplyApprovalView] }) approvals: TemplateReplyApprovalView[];
  @ApiProperty({ description: "The channel's policy: distinct approvals needed to send" })
  approvalsRequired: number;
  @ApiProperty({
    type: [String],
    description: 'Content safeguard finding codes: approving needs an overrideReason when any',
  })
  contentFindings: string[];
  @ApiProperty({ nullable: true, type: TemplateReplyRejectionView })
  rejection: TemplateReplyRejectionView | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) deliveryId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'once sent: delivery status' })
  deliveryStatus: string | null;
  @ApiProperty({ type: TemplateReplyActionsView, description: 'What you may do to it' })
  youMay: TemplateReplyActionsView;
}

export class ConversationView extends ConversationSummaryView {
  @ApiProperty({ type: [ConversationItemView], description: 'Oldest first' })
  items: ConversationItemView[];
  @ApiProperty({
    type: [TemplateReplyView],
    description: 'Proposed template replies, oldest first',
  })
  templateReplies: TemplateReplyView[];
}

export class ReplyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty({ enum: ['queued'] }) status: 'queued';
}
