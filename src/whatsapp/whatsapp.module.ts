import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ChannelsModule } from '../channels/channels.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import type { RunningSimulator } from '../simulator/start-simulator.js';
import { CLOUD_API_ENDPOINT } from './cloud-api/cloud-api-endpoint.js';
import { CloudApiSender } from './cloud-api/cloud-api.sender.js';
import { cloudApiEndpoint } from './embedded-simulator.js';
import { InboundMessagesRepository } from './inbound/inbound-messages.repository.js';
import { WhatsAppEvents } from './inbound/whatsapp-events.js';
import { WebhookInboxRepository } from './webhooks/webhook-inbox.repository.js';
import { WebhookIntake } from './webhooks/webhook-intake.service.js';
import { WebhookProcessor } from './webhooks/webhook-processor.service.js';
import { WhatsAppWebhookController } from './webhooks/whatsapp-webhook.controller.js';

const CLOUD_API = Symbol('CLOUD_API');

interface CloudApi {
  endpoint: unknown;
  simulator: RunningSimulator | null;
}

/** The WhatsApp Business Cloud API: sending to it, and Meta's signed callbacks from it. */
@Module({
  imports: [ChannelsModule, DeliveriesModule],
  controllers: [WhatsAppWebhookController],
  providers: [
    {
      provide: CLOUD_API,
      inject: [APP_CONFIG, HttpAdapterHost],
      useFactory: (config: AppConfig, http: HttpAdapterHost) =>
        cloudApiEndpoint(config.whatsapp, http),
    },
    {
      provide: CLOUD_API_ENDPOINT,
      inject: [CLOUD_API],
      useFactory: (api: CloudApi) => api.endpoint,
    },
    CloudApiSender,
    WhatsAppEvents,
    InboundMessagesRepository,
    WebhookInboxRepository,
    WebhookIntake,
    WebhookProcessor,
  ],
  exports: [CloudApiSender, WhatsAppEvents, WebhookProcessor],
})
export class WhatsAppModule implements OnApplicationShutdown {
  constructor(@Inject(CLOUD_API) private readonly api: CloudApi) {}

  async onApplicationShutdown(): Promise<void> {
    await this.api.simulator?.close();
  }
}
