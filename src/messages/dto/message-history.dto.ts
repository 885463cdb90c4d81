import { ApiProperty } from '@nestjs/swagger';
import type { Priority } from '../domain/message-status.js';
import { AudienceDto, MessageContentDto } from './message-input.dto.js';
import { DeliveryView } from './message-view.dto.js';

export class MessageVersionView {
  @ApiProperty() version: number;
  @ApiProperty({ description: 'SHA-256 of this version' }) contentHash: string;
  @ApiProperty({ type: MessageContentDto }) content: MessageContentDto;
  @ApiProperty({ type: AudienceDto }) audience: AudienceDto;
  @ApiProperty({ enum: ['routine', 'emergency'] }) priority: Priority;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sendAt: string | null;
  @ApiProperty({ nullable: true, type: String }) emergencyReason: string | null;
  @ApiProperty({ format: 'uuid', description: 'who wrote this version' }) editedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MessageVersionListView {
  @ApiProperty({ type: [MessageVersionView], description: 'every version, oldest first' })
  items: MessageVersionView[];
}

export class FunnelPointView {
  @ApiProperty({ format: 'date-time', description: 'the end of the interval' }) at: string;
  @ApiProperty({ description: 'accepted by WhatsApp by then (and not failed since)' })
  sent: number;
  @ApiProperty() delivered: number;
  @ApiProperty() read: number;
  @ApiProperty() failed: number;
}

export class FailureGroupView {
  @ApiProperty({ nullable: true, type: String, example: '131026' }) code: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['retry', 'recipient', 'message', 'channel'] })
  failureClass: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'one reason WhatsApp gave' })
  reason: string | null;
  @ApiProperty() count: number;
}

export class DeliveryReportView {
  @ApiProperty({ type: DeliveryView }) delivery: DeliveryView;
  @ApiProperty({ description: 'seconds between points of the funnel' }) intervalSeconds: number;
  @ApiProperty({ type: [FunnelPointView], description: 'running totals, one per interval' })
  funnel: FunnelPointView[];
  @ApiProperty({ type: [FailureGroupView], description: 'failed sends by code, most first' })
  failures: FailureGroupView[];
}
