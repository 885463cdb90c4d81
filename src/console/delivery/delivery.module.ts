import { Module } from '@nestjs/common';
import { MessagesModule } from '../../messages/messages.module.js';
import { DeliveryPageController } from './delivery-page.controller.js';

/** The console's delivery page of a message, its JSON for live updates, and its cancel form. */
@Module({
  imports: [MessagesModule],
  controllers: [DeliveryPageController],
})
export class DeliveryPagesModule {}
