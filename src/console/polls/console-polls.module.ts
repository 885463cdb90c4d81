import { Module } from '@nestjs/common';
import { MessagesModule } from '../../messages/messages.module.js';
import { PollsModule } from '../../polls/polls.module.js';
import { PollPagesController } from './poll-pages.controller.js';

/** The console's snap poll results page, its JSON for live updates, and its CSV download. */
@Module({
  imports: [MessagesModule, PollsModule],
  controllers: [PollPagesController],
})
export class ConsolePollsModule {}
