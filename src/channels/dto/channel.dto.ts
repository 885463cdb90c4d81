import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
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
import { IsTimeZone } from '../../common/http/is-time-zone.validator.js';
import { APPROVER_ROLES, type ApproverRole } from '../../organisation/role.js';
import {
  type ChannelKind,
  type ContentKind,
  MAX_RETROSPECTIVE_REVIEW_HOURS,
} from '../governance-policy.js';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class QuietHoursDto {
  @ApiProperty({ example: '21:00' })
  @Matches(HH_MM, { message: 'start must be a time "HH:MM"' })
  start: string;

  @ApiProperty({ example: '08:00' })
  @Matches(HH_MM, { message: 'end must be a time "HH:MM"' })
  end: string;

  @ApiProperty({ example: 'Europe/London' })
  @IsTimeZone()
  timeZone: string;
}

export class EmergencyPathDto {
  @ApiProperty({ description: 'One approval from an on-call approver sends an emergency message' })
  @IsBoolean()
  singleApproval: boolean;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      "Staff ids of the on-call approvers; each must hold one of the policy's approver roles",
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  onCallApproverIds: string[];

  @ApiProperty({
    minimum: 1,
    maximum: MAX_RETROSPECTIVE_REVIEW_HOURS,
    description: 'Hours a second approver has to review an emergency sent on one approval',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_RETROSPECTIVE_REVIEW_HOURS)
  retrospectiveReviewHours: number;
}

export class GovernancePolicyDto {
  @ApiProperty({ minimum: 1, maximum: 3, example: 1 })
  @IsInt()
  @Min(1)
  @Max(3)
  approvalsRequired: number;

  @ApiProperty({ enum: APPROVER_ROLES, isArray: true, example: ['comms_approver'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(APPROVER_ROLES, { each: true })
  approverRoles: ApproverRole[];

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  emergencyBypassesQuietHours?: boolean;

  @ApiPropertyOptional({ enum: ['template', 'text'], isArray: true, default: ['template', 'text'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(['template', 'text'], { each: true })
  allowedContentKinds?: ContentKind[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    default: 7,
    description: "Days residents' message text is kept before it is deleted",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  inboundRetentionDays?: number;

  @ApiPropertyOptional({ type: EmergencyPathDto, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => EmergencyPathDto)
  emergency?: EmergencyPathDto | null;
}

export class WhatsAppNumberDto {
  @ApiProperty({ example: '106540352242922' })
  @Matches(/^\d{5,20}$/, { message: 'phoneNumberId must be the Cloud API number id (digits)' })
  phoneNumberId: string;

  @ApiProperty({ example: '+44 1632 960001' })
  @Matches(/^\+?[0-9 ()-]{6,25}$/, { message: 'displayPhoneNumber must look like a phone number' })
  displayPhoneNumber: string;
}

export class CreateChannelDto {
  @ApiProperty({ example: 'Example Borough Council' })
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ enum: ['corporate', 'service'] })
  @IsIn(['corporate', 'service'])
  kind: ChannelKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for service channels only' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiProperty({ type: WhatsAppNumberDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WhatsAppNumberDto)
  whatsapp: WhatsAppNumberDto;

  @ApiProperty({ type: GovernancePolicyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GovernancePolicyDto)
  policy: GovernancePolicyDto;
}

export class QuietHoursView {
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty() timeZone: string;
}

export class GovernancePolicyView {
  @ApiProperty() approvalsRequired: number;
  @ApiProperty({ enum: APPROVER_ROLES, isArray: true }) approverRoles: ApproverRole[];
  @ApiProperty({ type: QuietHoursView, nullable: true }) quietHours: QuietHoursView | null;
  @ApiProperty() emergencyBypassesQuietHours: boolean;
  @ApiProperty({ enum: ['template', 'text'], isArray: true }) allowedContentKinds: ContentKind[];
  @ApiProperty({ minimum: 1, maximum: 365 }) inboundRetentionDays: number;
  @ApiPropertyOptional({ type: EmergencyPathDto, nullable: true })
  emergency?: EmergencyPathDto | null;
}

export class WhatsAppNumberView {
  @ApiProperty() phoneNumberId: string;
  @ApiProperty() displayPhoneNumber: string;
}

export class ThroughputDto {
  @ApiProperty({
    minimum: 1,
    maximum: 1000,
    description: "Messages per second: Meta's default is 80, raised to 1,000 for eligible numbers",
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  throughputPerSecond: number;
}

export class ChannelSendingView {
  @ApiProperty({ description: 'False while sending is paused after a channel-wide failure' })
  active: boolean;
  @ApiProperty({ example: 'whatsapp-cloud-api' }) provider: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) pausedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '190' }) pausedCode: string | null;
  @ApiProperty({ nullable: true, type: String }) pausedReason: string | null;
  @ApiProperty({ description: 'Messages per second across every Crier process', example: 80 })
  throughputPerSecond: number;
}

export class ChannelView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['corporate', 'service'] }) kind: ChannelKind;
  @ApiProperty({ format: 'uuid', nullable: true }) serviceId: string | null;
  @ApiProperty({ type: WhatsAppNumberView }) whatsapp: WhatsAppNumberView;
  @ApiProperty({ type: GovernancePolicyView }) policy: GovernancePolicyView;
  @ApiProperty({ type: ChannelSendingView }) sending: ChannelSendingView;
}

export class ChannelListView {
  @ApiProperty({ type: [ChannelView] }) items: ChannelView[];
}
