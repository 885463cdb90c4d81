import { Module } from '@nestjs/common';
import { InboxModule } from '../../inbox/inbox.module.js';
import { InboxPagesController } from './inbox-pages.controller.js';

/** The shared inbox pages under /console/inbox. */
@Module({
  imports: [InboxModule],
  controllers: [InboxPagesController],
})
export class ConsoleInboxModule {}
