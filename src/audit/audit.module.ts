import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditEventRepository } from './audit-event.repository.js';
import { AuditLog } from './audit-log.service.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditCheckpointService } from './checkpoints/audit-checkpoint.service.js';
import { CHECKPOINT_SINK } from './checkpoints/checkpoint-sink.js';
import { CheckpointSigner } from './checkpoints/checkpoint-signer.js';
import { DirectoryCheckpointSink } from './checkpoints/directory-checkpoint.sink.js';
import { AuditExporter } from './export/audit-exporter.service.js';
import { AuditPseudonymsRepository } from './pseudonyms/audit-pseudonyms.repository.js';
import { AuditSequencer } from './sequencer/audit-sequencer.service.js';
import { AuditVerifier } from './verification/audit-verifier.service.js';

@Module({
  controllers: [AuditController],
  providers: [
    AuditEventRepository,
    AuditPseudonymsRepository,
    AuditSequencer,
    AuditLog,
    AuditQueryService,
    CheckpointSigner,
    { provide: CHECKPOINT_SINK, useClass: DirectoryCheckpointSink },
    AuditCheckpointService,
    AuditVerifier,
    AuditExporter,
  ],
  exports: [
    AuditLog,
    AuditSequencer,
    AuditVerifier,
    AuditCheckpointService,
    AuditQueryService,
    AuditExporter,
  ],
})
export class AuditModule {}
