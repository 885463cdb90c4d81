import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditEventRepository } from './audit-event.repository.js';
import { AuditLog } from './audit-log.service.js';

@Module({
  controllers: [AuditController],
  providers: [AuditEventRepository, AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
