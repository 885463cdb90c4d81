import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { ChannelsController } from './channels.controller.js';
import { ChannelsRepository } from './channels.repository.js';
import { ChannelsService } from './channels.service.js';

@Module({
  imports: [AuditModule, OrganisationModule],
  controllers: [ChannelsController],
  providers: [ChannelsRepository, ChannelsService],
  exports: [ChannelsService],
})
export class ChannelsModule {}
