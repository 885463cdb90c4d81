import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AudienceController } from './audience.controller.js';
import { AudienceRepository } from './audience.repository.js';
import { AudienceService } from './audience.service.js';

@Module({
  imports: [AuditModule],
  controllers: [AudienceController],
  providers: [AudienceRepository, AudienceService],
  exports: [AudienceService],
})
export class AudienceModule {}
