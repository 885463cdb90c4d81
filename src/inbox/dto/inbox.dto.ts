import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { ConversationFilter, ConversationStatus } from '../inbox.repository.js';

export const CONVERSATION_FILTERS = ['open', 'assigned', 'closed', 'blocked'] as const;
/** WhatsApp's limit for a text message's body. */
export const REPLY_MAX_LENGTH = 4096;
export const REASON_MAX_LENGTH = 500;

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

export class ConversationView extends ConversationSummaryView {
  @ApiProperty({ type: [ConversationItemView], description: 'Oldest first' })
  items: ConversationItemView[];
}

export class ReplyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty({ enum: ['queued'] }) status: 'queued';
}
