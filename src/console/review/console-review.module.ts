import { Module } from '@nestjs/common';
import { AudienceModule } from '../../audience/audience.module.js';
import { ChannelsModule } from '../../channels/channels.module.js';
import { MessagesModule } from '../../messages/messages.module.js';
import { OrganisationModule } from '../../organisation/organisation.module.js';
import { ResidentsModule } from '../../residents/residents.module.js';
import { ConsoleMeModule } from '../me/console-me.module.js';
import { ReviewPages } from './review-pages.service.js';
import { ReviewController } from './review.controller.js';

/**
 * The console's review queue and review page, for approvers, with the test phone page their
 * "send a test" needs.
 */
@Module({
  imports: [
    MessagesModule,
    ChannelsModule,
    OrganisationModule,
    AudienceModule,
    ResidentsModule,
    ConsoleMeModule,
  ],
  controllers: [ReviewController],
  providers: [ReviewPages],
})
export class ConsoleReviewModule {}
