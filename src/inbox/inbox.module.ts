import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { MessagesModule } from '../messages/messages.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { WhatsAppModule } from '../whatsapp/whatsapp.module.js';
import { InboxController } from './inbox.controller.js';
import { InboxConversationAccess } from './inbox-conversation-access.js';
import { InboxListener } from './inbox.listener.js';
import { InboxRepository } from './inbox.repository.js';
import { InboxRetention } from './inbox-retention.service.js';
import { InboxService } from './inbox.service.js';
import { InboxTemplateRepliesRepository } from './inbox-template-replies.repository.js';
import { InboxTemplateRepliesService } from './inbox-template-replies.service.js';

/**
 * The shared inbox of each channel: conversations, replies (free text, and templates approved
 * under the channel's policy), abuse flags and blocked senders.
 */
@Module({
  imports: [
    AuditModule,
    ChannelsModule,
    // The content safeguards, so a template reply is judged as any message's content is.
    MessagesModule,
    OrganisationModule,
    ResidentsModule,
    WhatsAppModule,
  ],
  controllers: [InboxController],
  providers: [
    InboxRepository,
    InboxTemplateRepliesRepository,
    InboxConversationAccess,
    InboxService,
    InboxTemplateRepliesService,
    InboxListener,
    InboxRetention,
  ],
  // The console's inbox pages use the same services as the API.
  exports: [InboxService, InboxTemplateRepliesService],
})
export class InboxModule {}
