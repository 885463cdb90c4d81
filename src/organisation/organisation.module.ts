import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { BootstrapAdmin } from './bootstrap-admin.js';
import { OrganisationController } from './organisation.controller.js';
import { OrganisationRepository } from './organisation.repository.js';
import { OrganisationService } from './organisation.service.js';
import { TestPhoneController } from './test-phone.controller.js';
import { TestPhoneService } from './test-phone.service.js';

@Module({
  imports: [AuditModule],
  controllers: [OrganisationController, TestPhoneController],
  providers: [OrganisationRepository, OrganisationService, TestPhoneService, BootstrapAdmin],
  exports: [OrganisationService, TestPhoneService],
})
export class OrganisationModule {}
