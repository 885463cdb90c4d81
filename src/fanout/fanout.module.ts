import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { MessagesModule } from '../messages/messages.module.js';
import { WhatsAppModule } from '../whatsapp/whatsapp.module.js';
import { FanoutRepository } from './fanout.repository.js';
import { FanoutWorker } from './fanout.worker.js';

/** Sending approved alerts to every recipient, exactly once each, at the channel's rate. */
@Module({
  imports: [ChannelsModule, DeliveriesModule, DispatchModule, MessagesModule, WhatsAppModule],
  providers: [FanoutRepository, FanoutWorker],
  exports: [FanoutWorker],
})
export class FanoutModule {}
