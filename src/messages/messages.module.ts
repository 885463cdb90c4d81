import { Module } from '@nestjs/common';
import { AudienceModule } from '../audience/audience.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { EmergencyReviewsModule } from '../emergency-reviews/emergency-reviews.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { MessageDraftingService } from './message-drafting.service.js';
import { MessageQueryService } from './message-query.service.js';
import { MessageRecords } from './message-records.service.js';
import { MessageReviewService } from './message-review.service.js';
import { MessageTestSendService } from './message-test-send.service.js';
import { MessageDispatchService } from './message-dispatch.service.js';
import { MessagesController } from './messages.controller.js';
import { MessagesRepository } from './messages.repository.js';
import { ContentSafeguards } from './safeguards/content-safeguards.service.js';

@Module({
  imports: [
    AuditModule,
    AudienceModule,
    ChannelsModule,
    DeliveriesModule,
    DispatchModule,
    // Sign-off opens the retrospective review an emergency on one approval owes.
    EmergencyReviewsModule,
    OrganisationModule,
    ResidentsModule,
  ],
  controllers: [MessagesController],
  providers: [
    MessagesRepository,
    MessageRecords,
    MessageDraftingService,
    MessageReviewService,
    MessageQueryService,
    MessageTestSendService,
    MessageDispatchService,
    ContentSafeguards,
  ],
  // The API's controller and the console's pages use the same services.
  exports: [
    ContentSafeguards,
    MessageDispatchService,
    MessageDraftingService,
    MessageReviewService,
    MessageQueryService,
    MessageTestSendService,
  ],
})
export class MessagesModule {}
