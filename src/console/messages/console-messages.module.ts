import { Module } from '@nestjs/common';
import { AudienceModule } from '../../audience/audience.module.js';
import { ChannelsModule } from '../../channels/channels.module.js';
import { MessagesModule } from '../../messages/messages.module.js';
import { OrganisationModule } from '../../organisation/organisation.module.js';
import { ResidentsModule } from '../../residents/residents.module.js';
import { ComposePage } from './compose-page.service.js';
import { MessageComposeController } from './message-compose.controller.js';
import { MessagePage } from './message-page.service.js';
import { MessagePagesController } from './message-pages.controller.js';

/** The console's message pages: list, compose and edit, the message, submit and cancel. */
@Module({
  imports: [AudienceModule, ChannelsModule, MessagesModule, OrganisationModule, ResidentsModule],
  // Compose first: its /console/messages/new must be matched before /console/messages/:id.
  controllers: [MessageComposeController, MessagePagesController],
  providers: [ComposePage, MessagePage],
})
export class ConsoleMessagesModule {}
