import { Module } from '@nestjs/common';
import { AudienceModule } from '../audience/audience.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { WhatsAppModule } from '../whatsapp/whatsapp.module.js';
import { ErasureService } from './erasure.service.js';
import { MessagingReachRepository } from './reach/messaging-reach.repository.js';
import { MessagingReach } from './reach/messaging-reach.service.js';
import { PrivacyController } from './privacy.controller.js';
import { ReplyDeliveriesRepository } from './reply-deliveries.repository.js';
import { ResidentEventsListener } from './resident-events.listener.js';
import { ResidentOptOutService } from './resident-opt-out.service.js';
import { ResidentRecordsRepository } from './resident-records.repository.js';
import { ResidentReplies } from './resident-replies.service.js';
import { SubjectAccessService } from './subject-access.service.js';
import { SubscriberImportService } from './subscriber-import.service.js';
import { SubscribersController } from './subscribers.controller.js';
import { SubscribersRepository } from './subscribers.repository.js';
import { SuppressionsRepository } from './suppressions.repository.js';

/** Residents: their subscriptions and consent, STOP, and their data-protection rights. */
@Module({
  imports: [
    AudienceModule,
    AuditModule,
    ChannelsModule,
    DeliveriesModule,
    DispatchModule,
    WhatsAppModule,
  ],
  controllers: [SubscribersController, PrivacyController],
  providers: [
    SubscribersRepository,
    SuppressionsRepository,
    ResidentRecordsRepository,
    ReplyDeliveriesRepository,
    SubscriberImportService,
    ResidentOptOutService,
    ResidentReplies,
    ResidentEventsListener,
    SubjectAccessService,
    ErasureService,
    MessagingReachRepository,
    MessagingReach,
  ],
  exports: [ResidentOptOutService, MessagingReach, SubscriberImportService],
})
export class ResidentsModule {}
