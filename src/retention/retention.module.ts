import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { RetentionController } from './retention.controller.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionService } from './retention.service.js';

/** Retention: residents' message text, stuck callbacks, and old delivery rows, deleted on time. */
@Module({
  imports: [AuditModule, ChannelsModule],
  controllers: [RetentionController],
  providers: [RetentionRepository, RetentionService],
})
export class RetentionModule {}
