import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';

export class VerificationView {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'events checked' }) checked: number;
  @ApiPropertyOptional({ description: 'the first sequence number that fails' })
  firstBadSeq?: number;
  @ApiPropertyOptional({ description: 'why it fails, in words' }) reason?: string;
  @ApiPropertyOptional({ description: 'the newest signed checkpoint compared with' })
  checkpoint?: { size: number; at: string };
}

export class CheckpointView {
  @ApiProperty() origin: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'RFC 6962 Merkle root, hex' }) root: string;
  @ApiProperty({ description: 'chain hash of event `size`, hex' }) chainHead: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'Ed25519 signature, base64' }) signature: string;
}

export class PublicKeyView {
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'DER SubjectPublicKeyInfo, base64' }) spki: string;
  @ApiProperty() pem: string;
}

export class CheckpointListView {
  @ApiProperty({ type: [CheckpointView] }) items: CheckpointView[];
  @ApiProperty({ type: PublicKeyView }) publicKey: PublicKeyView;
}

export class AuditExportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "one message's whole life" })
  @IsOptional()
  @IsUUID()
  messageId?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  fromSeq?: number;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  toSeq?: number;
}
