import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { AuditActor, AuditSubject } from '../audit-event.js';

export class AuditEventsQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class AuditEventView {
  @ApiProperty() seq: number;
  @ApiProperty({ example: 'message.approved' }) type: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: '{kind: "staff", id} or {kind: "system", reason}' })
  actor: AuditActor;
  @ApiProperty({ description: 'ids of the message, channel, staff member or service concerned' })
  subject: AuditSubject;
  @ApiProperty() data: Record<string, unknown>;
}

export class AuditEventPageView {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
  @ApiProperty({
    nullable: true,
    description: 'pass as afterSeq for the next page; null at the end',
  })
  nextAfterSeq: number | null;
}
