import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import type { FailureClass } from '../../dispatch/outbound-message.js';

export class TestSendDto {
  @ApiProperty({ description: 'The version you are looking at; a test of any other is refused' })
  @IsInt()
  @Min(1)
  version: number;
}

export class TestSendFailureView {
  @ApiProperty({ enum: ['retry', 'recipient', 'message', 'channel'] }) class: FailureClass;
  @ApiProperty({ example: '132001' }) code: string;
  @ApiProperty() reason: string;
}

export class TestSendView {
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty() version: number;
  @ApiProperty() contentHash: string;
  @ApiProperty({ description: 'Your registered phone, masked', example: '+44 •••••••123' })
  to: string;
  @ApiProperty({ enum: ['accepted', 'failed'] }) status: 'accepted' | 'failed';
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) providerMessageId: string | null;
  @ApiProperty({ nullable: true, type: TestSendFailureView }) failure: TestSendFailureView | null;
}

export class TestSendSummaryView {
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) requestedBy: string | null;
  @ApiProperty({ enum: ['queued', 'accepted', 'sent', 'delivered', 'read', 'failed'] })
  status: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) failedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) failureCode: string | null;
  @ApiProperty({ nullable: true, type: String }) failureReason: string | null;
}

export class TestSendListView {
  @ApiProperty({ type: [TestSendSummaryView] }) items: TestSendSummaryView[];
}
