import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditEventRepository } from './audit-event.repository.js';
import { AuditLog } from './audit-log.service.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditPseudonymsRepository } from './pseudonyms/audit-pseudonyms.repository.js';

@Module({
  controllers: [AuditController],
  providers: [AuditEventRepository, AuditPseudonymsRepository, AuditLog, AuditQueryService],
  exports: [AuditLog],
})
export class AuditModule {}
