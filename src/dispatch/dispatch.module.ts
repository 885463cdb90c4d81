import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { ChannelsService } from '../channels/channels.service.js';
import { CloudApiSender } from '../whatsapp/cloud-api/cloud-api.sender.js';
import { WhatsAppModule } from '../whatsapp/whatsapp.module.js';
import { Dispatcher, REAL_TIMERS } from './dispatcher.js';
import { MESSAGE_SENDERS, type MessageSender } from './outbound-message.js';
import { DEFAULT_RETRY_POLICY } from './retry-policy.js';
import { SenderRegistry } from './sender-registry.js';

/** Sending one message to one person, whatever the provider. */
@Module({
  imports: [ChannelsModule, WhatsAppModule],
  providers: [
    {
      provide: MESSAGE_SENDERS,
      inject: [CloudApiSender],
      // Add further providers here (GOV.UK Notify for SMS and email, say).
      useFactory: (...senders: MessageSender[]) => senders,
    },
    SenderRegistry,
    {
      provide: Dispatcher,
      inject: [SenderRegistry, ChannelsService],
      useFactory: (registry: SenderRegistry, channels: ChannelsService) =>
        new Dispatcher({
          senderFor: (provider) => registry.forProvider(provider),
          channels: {
            pause: (channelId, failure) => channels.pauseSending(channelId, failure),
            throttled: (channelId) => channels.throttled(channelId),
          },
          policy: DEFAULT_RETRY_POLICY,
          timers: REAL_TIMERS,
        }),
    },
  ],
  exports: [Dispatcher],
})
export class DispatchModule {}
