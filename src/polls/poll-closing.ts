import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { PollsService } from './polls.service.js';

/** Every process runs it; the closure row's key lets one of them record each poll's tallies. */
@Injectable()
export class PollClosing {
  private readonly logger = new Logger('Polls');

  constructor(private readonly polls: PollsService) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'poll-closing' })
  async run(): Promise<void> {
    try {
      await this.polls.finaliseClosed();
    } catch (error) {
      this.logger.error(`Recording closed polls' tallies failed: ${(error as Error).message}`);
    }
  }
}
