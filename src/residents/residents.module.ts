import { Module } from '@nestjs/common';
import { AudienceModule } from '../audience/audience.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { PostcodesModule } from '../postcodes/postcodes.module.js';
import { WhatsAppModule } from '../whatsapp/whatsapp.module.js';
import { ErasureService } from './erasure.service.js';
import { JoinConversationListener } from './join/join-conversation.listener.js';
import { JoinConversationsRepository } from './join/join-conversations.repository.js';
import { AudienceCountsController } from './counts/audience-counts.controller.js';
import { AudienceCountsRepository } from './counts/audience-counts.repository.js';
import { AudienceCounts } from './counts/audience-counts.service.js';
import { AbandonedOptInsCleanup } from './abandoned-opt-ins.cleanup.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { OptInConfirmationListener } from './opt-in/opt-in-confirmation.listener.js';
import { OptInConfirmations } from './opt-in/opt-in-confirmations.js';
import { OptInRateLimits } from './opt-in/opt-in-rate-limits.js';
import { SubscriptionRequestsRepository } from './opt-in/subscription-requests.repository.js';
import { WebOptInController } from './opt-in/web-opt-in.controller.js';
import { WebOptInService } from './opt-in/web-opt-in.service.js';
import { MessagingReachRepository } from './reach/messaging-reach.repository.js';
import { MessagingReach } from './reach/messaging-reach.service.js';
import { PrivacyController } from './privacy.controller.js';
import { ReconciliationReminder } from './reconciliation/reconciliation-reminder.service.js';
import { ReconciliationService } from './reconciliation/reconciliation.service.js';
import { ReconciliationsController } from './reconciliation/reconciliations.controller.js';
import { ReconciliationsRepository } from './reconciliation/reconciliations.repository.js';
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

/**
 * Residents: their subscriptions and consent, STOP, the monthly reconciliation against the
 * council's list, and their data-protection rights.
 */
@Module({
  imports: [
    AudienceModule,
    AuditModule,
    ChannelsModule,
    DeliveriesModule,
    DispatchModule,
    PostcodesModule,
    RateLimitsModule,
    WhatsAppModule,
  ],
  controllers: [
    SubscribersController,
    ReconciliationsController,
    PrivacyController,
    WebOptInController,
    AudienceCountsController,
  ],
  providers: [
    AudienceCountsRepository,
    AudienceCounts,
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
    ReconciliationsRepository,
    ReconciliationService,
    ReconciliationReminder,
    // After ResidentEventsListener: its handler opens the service window before this one runs.
    SubscriptionRequestsRepository,
    OptInRateLimits,
    WebOptInService,
    OptInConfirmations,
    OptInConfirmationListener,
    AbandonedOptInsCleanup,
    // After OptInConfirmationListener: a pending web opt-in's confirming JOIN is that one's.
    JoinConversationsRepository,
    JoinConversationListener,
  ],
  // The API's controllers and the console's and residents' pages use the same services.
  exports: [
    ResidentOptOutService,
    ResidentReplies,
    MessagingReach,
    SubscriberImportService,
    AudienceCounts,
    ReconciliationService,
    SubjectAccessService,
    ErasureService,
    WebOptInService,
  ],
})
export class ResidentsModule {}
