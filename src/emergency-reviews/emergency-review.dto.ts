import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  EMERGENCY_REVIEW_OUTCOMES,
  EMERGENCY_REVIEW_STATUSES,
  type EmergencyReviewOutcome,
  type EmergencyReviewStatus,
} from './emergency-review-rules.js';

export const MAX_REVIEW_COMMENT = 2000;

export class EmergencyReviewListQuery {
  @ApiPropertyOptional({ enum: EMERGENCY_REVIEW_STATUSES, default: 'due' })
  @IsOptional()
  @IsIn(EMERGENCY_REVIEW_STATUSES)
  status?: EmergencyReviewStatus;
}

export class CompleteEmergencyReviewDto {
  @ApiProperty({ enum: EMERGENCY_REVIEW_OUTCOMES })
  @IsIn(EMERGENCY_REVIEW_OUTCOMES)
  outcome: EmergencyReviewOutcome;

  @ApiProperty({ minLength: 1, maxLength: MAX_REVIEW_COMMENT })
  @IsString()
  @Length(1, MAX_REVIEW_COMMENT)
  comment: string;
}

export class StaffNameView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class EmergencyReviewView {
  @ApiProperty() id: string;
  @ApiProperty() messageId: string;
  @ApiProperty({ description: 'the version the single approval sent' }) version: number;
  @ApiProperty() channelId: string;
  @ApiProperty() channelName: string;
  @ApiProperty({ description: 'the text residents got, or the template and its values' })
  summary: string;
  @ApiProperty({ nullable: true, type: String }) emergencyReason: string | null;
  @ApiProperty({ type: StaffNameView }) approvedBy: StaffNameView;
  @ApiProperty() approvedAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: EMERGENCY_REVIEW_STATUSES }) status: EmergencyReviewStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'when the overdue review was escalated',
  })
  escalatedAt: string | null;
  @ApiProperty({ type: StaffNameView, nullable: true }) reviewedBy: StaffNameView | null;
  @ApiProperty({ nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty({ enum: EMERGENCY_REVIEW_OUTCOMES, nullable: true, type: String })
  outcome: EmergencyReviewOutcome | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
}
