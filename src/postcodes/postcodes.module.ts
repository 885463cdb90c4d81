import { Module } from '@nestjs/common';
import { AudienceModule } from '../audience/audience.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { PostcodeLookup } from './postcode-lookup.js';
import { PostcodesController } from './postcodes.controller.js';
import { PostcodesRepository } from './postcodes.repository.js';
import { PostcodesService } from './postcodes.service.js';

/** Postcode-to-area mappings, so residents can choose their area by postcode. */
@Module({
  imports: [AudienceModule, AuditModule],
  controllers: [PostcodesController],
  providers: [PostcodesRepository, PostcodesService, PostcodeLookup],
  exports: [PostcodeLookup, PostcodesService],
})
export class PostcodesModule {}
