import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import type { StoredActor, StoredSubject } from '../audit-event.js';

export class AuditEventsQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'return events after this seq' })
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

  @ApiPropertyOptional({
    example: 'message.*',
    description: 'exact type, or a prefix ending in .*',
  })
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]+)*(\.\*)?$/, {
    message: 'type must look like message.approved or message.*',
  })
  type?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'events caused by this staff member' })
  @IsOptional()
  @IsUUID()
  actor?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'events about this staff member' })
  @IsOptional()
  @IsUUID()
  staff?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  messageId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'recorded at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'recorded before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEventView {
  @ApiProperty() seq: number;
  @ApiProperty({ example: 'message.approved' }) type: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: '{kind: "staff", ref} or {kind: "system", reason}' })
  actor: StoredActor;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    description: 'the staff member behind actor.ref; null for Crier itself or once erased',
  })
  actorStaffId: string | null;
  @ApiProperty({
    description: 'ids of the message, channel or service; staffRef or residentRef for a person',
  })
  subject: StoredSubject;
  @ApiProperty() data: Record<string, unknown>;
  @ApiProperty({ description: 'the exact stored canonical JSON text that is hashed' })
  payload: string;
  @ApiProperty({ description: 'SHA-256(0x00 || payload), hex' }) leafHash: string;
  @ApiProperty({ description: 'SHA-256(previous chainHash || leafHash), hex' }) chainHash: string;
}

export class AuditEventPageView {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
  @ApiProperty({
    nullable: true,
    description: 'pass as afterSeq for the next page; null at the end',
  })
  nextAfterSeq: number | null;
}
