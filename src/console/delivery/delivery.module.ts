import { Module } from '@nestjs/common';
import { AudienceModule } from '../../audience/audience.module.js';
import { MessagesModule } from '../../messages/messages.module.js';
import { DeliveryPageController } from './delivery-page.controller.js';

/** The console's delivery page of a message, its JSON for live updates, and its cancel form. */
@Module({
  imports: [AudienceModule, MessagesModule],
  controllers: [DeliveryPageController],
})
export class DeliveryPagesModule {}
