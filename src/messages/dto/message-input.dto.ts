import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AUDIENCE_CODE } from '../../audience/dto/audience.dto.js';
import type { ContentKind } from '../../channels/governance-policy.js';
import { MESSAGE_STATUSES, type MessageStatus, type Priority } from '../domain/message-status.js';

const isKind = (kind: ContentKind) => (content: MessageContentDto) => content.kind === kind;

/** A snap poll: residents tap one option; the domain checks WhatsApp's limits for the kind. */
export class PollDto {
  @ApiProperty({
    type: [String],
    minItems: 2,
    maxItems: 10,
    example: ['Yes', 'No', 'Not sure'],
    description:
      'up to 3 become reply buttons (20 characters each), up to 10 a list (24 each); on a template, its quick-reply buttons in order (25 each)',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 25, { each: true })
  options: string[];

  @ApiProperty({ format: 'date-time', description: 'answers after this do not count' })
  @IsISO8601({ strict: true })
  closesAt: string;
}

/** `kind` decides which other fields apply; the domain refuses fields of the other kind. */
export class MessageContentDto {
  @ApiProperty({ enum: ['template', 'text'] })
  @IsIn(['template', 'text'])
  kind: ContentKind;

  @ApiPropertyOptional({ example: 'area_alert', description: 'template messages' })
  @ValidateIf(isKind('template'))
  @Matches(/^[a-z0-9_]{1,512}$/, {
    message: 'templateName must be lower-case letters, digits and _',
  })
  templateName?: string;

  @ApiPropertyOptional({ example: 'en_GB', description: 'template messages' })
  @ValidateIf(isKind('template'))
  @Matches(/^[a-z]{2,3}(_[A-Z]{2})?$/, { message: 'language must be a code such as en_GB or cy' })
  language?: string;

  @ApiPropertyOptional({ type: [String], example: ['Gritting tonight from 8pm on all A roads.'] })
  @ValidateIf(isKind('template'))
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 1024, { each: true })
  parameters?: string[];

  @ApiPropertyOptional({ maxLength: 4096, description: 'text messages' })
  @ValidateIf(isKind('text'))
  @IsString()
  @Length(1, 4096)
  body?: string;

  @ApiPropertyOptional({ type: PollDto, description: 'a snap poll: the options residents tap' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PollDto)
  poll?: PollDto;
}

export class AudienceDto {
  @ApiProperty({ type: [String], example: ['crewe'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(AUDIENCE_CODE, { each: true, message: 'each area must be an area code' })
  areas: string[];

  @ApiProperty({ type: [String], example: ['gritting'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(AUDIENCE_CODE, { each: true, message: 'each topic must be a topic code' })
  topics: string[];
}

export class CreateMessageDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  channelId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'the service the message is for; on the corporate channel, needed when the author has several',
  })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiProperty({ type: MessageContentDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MessageContentDto)
  content: MessageContentDto;

  @ApiProperty({ type: AudienceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience: AudienceDto;

  @ApiPropertyOptional({ enum: ['routine', 'emergency'], default: 'routine' })
  @IsOptional()
  @IsIn(['routine', 'emergency'])
  priority?: Priority;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  sendAt?: string | null;

  @ApiPropertyOptional({
    description: 'required for emergency messages; recorded in the audit log',
  })
  @IsOptional()
  @IsString()
  @Length(5, 500)
  emergencyReason?: string | null;
}

/** Same fields as create, all optional. `sendAt: null` clears a send time. */
export class UpdateMessageDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ type: MessageContentDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MessageContentDto)
  content?: MessageContentDto;

  @ApiPropertyOptional({ type: AudienceDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience?: AudienceDto;

  @ApiPropertyOptional({ enum: ['routine', 'emergency'] })
  @IsOptional()
  @IsIn(['routine', 'emergency'])
  priority?: Priority;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsISO8601({ strict: true })
  sendAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Length(5, 500)
  emergencyReason?: string | null;
}

export class ApproveMessageDto {
  @ApiProperty({ description: 'the version you reviewed; a newer one gets 409', example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;

  @ApiPropertyOptional({
    maxLength: 1000,
    description:
      'why the message may go out despite its contentFindings; required when it has any, and recorded in the audit log',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  overrideReason?: string;
}

export class RequestChangesDto {
  @ApiProperty({ maxLength: 2000, example: 'Please name the roads being gritted.' })
  @IsString()
  @Length(1, 2000)
  comment: string;
}

export class CancelMessageDto {
  @ApiProperty({ maxLength: 500, example: 'Weather forecast changed.' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class ListMessagesQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES)
  status?: MessageStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}
