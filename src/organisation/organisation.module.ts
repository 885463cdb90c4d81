import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { BootstrapAdmin } from './bootstrap-admin.js';
import { OrganisationController } from './organisation.controller.js';
import { OrganisationRepository } from './organisation.repository.js';
import { OrganisationService } from './organisation.service.js';

@Module({
  imports: [AuditModule],
  controllers: [OrganisationController],
  providers: [OrganisationRepository, OrganisationService, BootstrapAdmin],
  exports: [OrganisationService],
})
export class OrganisationModule {}
