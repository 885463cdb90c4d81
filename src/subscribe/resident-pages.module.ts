import { Module } from '@nestjs/common';
import { AudienceModule } from '../audience/audience.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { ResidentPageContext } from './resident-page-context.js';
import { SubscribePagesController } from './subscribe-pages.controller.js';

/** The residents' public pages under /subscribe (see src/web/page-paths.ts). */
@Module({
  imports: [ResidentsModule, AudienceModule, ChannelsModule],
  controllers: [SubscribePagesController],
  providers: [ResidentPageContext],
})
export class ResidentPagesModule {}
