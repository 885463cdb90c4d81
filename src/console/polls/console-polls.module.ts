import { Module } from '@nestjs/common';
import { PollsModule } from '../../polls/polls.module.js';
import { PollPagesController } from './poll-pages.controller.js';

/** The console's snap poll results page, its JSON for live updates, and its CSV download. */
@Module({
  imports: [PollsModule],
  controllers: [PollPagesController],
})
export class ConsolePollsModule {}
