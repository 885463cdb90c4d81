import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MessagesModule } from '../messages/messages.module.js';
import { WhatsAppModule } from '../whatsapp/whatsapp.module.js';
import { PollAnswersListener } from './poll-answers.listener.js';
import { PollClosing } from './poll-closing.js';
import { PollsController } from './polls.controller.js';
import { PollsRepository } from './polls.repository.js';
import { PollsService } from './polls.service.js';

/**
 * Snap polls (README, "Snap polls"): a message's content may carry options (see
 * messages/domain/poll-definition.ts); this module counts residents' taps and reports them.
 */
@Module({
  imports: [AuditModule, MessagesModule, WhatsAppModule],
  controllers: [PollsController],
  providers: [PollsRepository, PollsService, PollAnswersListener, PollClosing],
  exports: [PollsService],
})
export class PollsModule {}
