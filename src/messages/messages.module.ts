import { Module } from '@nestjs/common';
import { AudienceModule } from '../audience/audience.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { MessageDraftingService } from './message-drafting.service.js';
import { MessageQueryService } from './message-query.service.js';
import { MessageRecords } from './message-records.service.js';
import { MessageReviewService } from './message-review.service.js';
import { MessagesController } from './messages.controller.js';
import { MessagesRepository } from './messages.repository.js';

@Module({
  imports: [AuditModule, AudienceModule, ChannelsModule],
  controllers: [MessagesController],
  providers: [
    MessagesRepository,
    MessageRecords,
    MessageDraftingService,
    MessageReviewService,
    MessageQueryService,
  ],
})
export class MessagesModule {}
