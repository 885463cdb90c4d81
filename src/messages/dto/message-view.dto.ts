import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MESSAGE_STATUSES, type MessageStatus, type Priority } from '../domain/message-status.js';
import { FINDING_CODES, type FindingCode } from '../safeguards/content-finding.js';
import { AudienceDto, MessageContentDto } from './message-input.dto.js';

export class ApprovalView {
  @ApiProperty({ format: 'uuid', description: 'the approver' }) by: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'SHA-256 of the approved version' }) contentHash: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiPropertyOptional({ nullable: true }) comment: string | null;
  @ApiProperty({
    description: 'whether it counts towards the current version in this review round',
  })
  current: boolean;
}

export class ChangeRequestView {
  @ApiProperty({ format: 'uuid' }) by: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() comment: string;
}

export class DeliveryView {
  @ApiProperty({ description: 'People the alert was frozen to' }) recipients: number;
  @ApiProperty({ description: 'Not yet handed to WhatsApp' }) queued: number;
  @ApiProperty({ description: 'Accepted by WhatsApp (and perhaps delivered or read since)' })
  sent: number;
  @ApiProperty({ description: 'Delivered to the handset (read ones included)' }) delivered: number;
  @ApiProperty() read: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: 'Not sent: the person stopped, or the message was cancelled' })
  notSent: number;
}

export class ContentFindingView {
  @ApiProperty({ enum: FINDING_CODES }) code: FindingCode;
  @ApiProperty({ description: 'what was found and what to do, in plain words' }) message: string;
  @ApiProperty({
    description:
      'the text found; phone, NHS and National Insurance numbers masked but for their last two digits',
    example: '••• ••• ••19',
  })
  excerpt: string;
  @ApiProperty({ description: 'the part a resident reads: body, or parameters.0, parameters.1...' })
  field: string;
  @ApiProperty({ description: 'where the finding starts in that part (UTF-16 offset)' })
  start: number;
  @ApiProperty() end: number;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) channelId: string;
  @ApiProperty({ format: 'uuid', nullable: true }) serviceId: string | null;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status: MessageStatus;
  @ApiProperty() version: number;
  @ApiProperty() contentHash: string;
  @ApiProperty({ type: MessageContentDto }) content: MessageContentDto;
  @ApiProperty({ type: AudienceDto }) audience: AudienceDto;
  @ApiProperty({ enum: ['routine', 'emergency'] }) priority: Priority;
  @ApiProperty({ format: 'date-time', nullable: true }) sendAt: string | null;
  @ApiProperty({ nullable: true }) emergencyReason: string | null;
  @ApiProperty({
    type: [ContentFindingView],
    description:
      'what the content safeguards found in the current version; approving over any needs overrideReason',
  })
  contentFindings: ContentFindingView[];
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({
    type: [String],
    description: 'everyone who wrote or edited it: none may approve it',
  })
  editors: string[];
  @ApiProperty({ type: [ApprovalView] }) approvals: ApprovalView[];
  @ApiProperty({ type: [ChangeRequestView] }) changeRequests: ChangeRequestView[];
  @ApiProperty() approvalsRequired: number;
  @ApiProperty({ description: 'approvals still needed for the current version' })
  approvalsRemaining: number;
  @ApiProperty({ format: 'date-time', nullable: true, description: 'when dispatch starts' })
  dispatchAt: string | null;
  @ApiProperty({ nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: DeliveryView }) delivery: DeliveryView;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MessageListView {
  @ApiProperty({ type: [MessageView] }) items: MessageView[];
  @ApiProperty({ nullable: true }) nextCursor: string | null;
}
