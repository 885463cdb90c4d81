import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { ChannelsModule } from '../../channels/channels.module.js';
import { OrganisationModule } from '../../organisation/organisation.module.js';
import { AuditExportController } from './audit-export.controller.js';
import { AuditSearchController } from './audit-search.controller.js';
import { AuditTimelineController } from './audit-timeline.controller.js';
import { AuditVerifyController } from './audit-verify.controller.js';

/** The console's audit pages (auditor, admin): search, a message's timeline, verify, export. */
@Module({
  imports: [AuditModule, OrganisationModule, ChannelsModule],
  controllers: [
    AuditSearchController,
    AuditTimelineController,
    AuditVerifyController,
    AuditExportController,
  ],
})
export class ConsoleAuditModule {}
