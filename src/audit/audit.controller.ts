import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { badInput } from '../common/errors/crier-error.js';
import { AuditQueryService } from './audit-query.service.js';
import type { EvidenceBundle } from './bundle/evidence-bundle.js';
import { AuditCheckpointService } from './checkpoints/audit-checkpoint.service.js';
import {
  AuditExportQueryDto,
  CheckpointListView,
  CheckpointView,
  VerificationView,
} from './dto/audit-admin.dto.js';
import { AuditEventPageView, AuditEventsQueryDto } from './dto/audit.dto.js';
import { AuditExporter } from './export/audit-exporter.service.js';
import { AuditVerifier } from './verification/audit-verifier.service.js';

/** For ICT: read, verify and export the log. Nothing here changes an event. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly verifier: AuditVerifier,
    private readonly checkpoints: AuditCheckpointService,
    private readonly exporter: AuditExporter,
  ) {}

  @Get('events')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Search the audit log: filters and keyset pagination by seq' })
  events(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageView> {
    return this.query.search(query);
  }

  @Post('verify')
  @HttpCode(200)
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: 'Recompute the chain and Merkle root and compare with every signed checkpoint',
  })
  verify(): Promise<VerificationView> {
    return this.verifier.verify();
  }

  @Post('checkpoints')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Sign a checkpoint of the log now' })
  createCheckpoint(): Promise<CheckpointView> {
    return this.checkpoints.create();
  }

  @Get('checkpoints')
  @Roles('auditor', 'admin')
  listCheckpoints(): Promise<CheckpointListView> {
    return this.checkpoints.list();
  }

  @Get('export')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'An evidence bundle that `npm run audit:verify-bundle` checks offline' })
  export(@Query() query: AuditExportQueryDto): Promise<EvidenceBundle> {
    if (query.messageId && query.fromSeq === undefined && query.toSeq === undefined) {
      return this.exporter.export({ messageId: query.messageId });
    }
    if (!query.messageId && query.fromSeq !== undefined && query.toSeq !== undefined) {
      return this.exporter.export({ fromSeq: query.fromSeq, toSeq: query.toSeq });
    }
    throw badInput('INVALID_EXPORT_SCOPE', 'Give either messageId, or both fromSeq and toSeq.');
  }
}
