import { Injectable, Logger } from '@nestjs/common';
import { Cron, Timeout } from '@nestjs/schedule';
import { PhoneResealingService } from './phone-resealing.service.js';

/** How long after start the first run waits, to keep out of the way of start-up itself. */
const FIRST_RUN_DELAY_MS = 60_000;

/**
 * Every process re-seals, hourly and once shortly after it starts (so soon after a deploy that
 * put a new key first); locked rows are skipped, so they share the work. With one key configured
 * a run reads nothing; with more, a run that finds every row current changes nothing.
 */
@Injectable()
export class PhoneResealingSchedule {
  private readonly logger = new Logger('PhoneKeys');

  constructor(private readonly resealing: PhoneResealingService) {}

  @Timeout('phone-keys-reseal-after-start', FIRST_RUN_DELAY_MS)
  async afterStart(): Promise<void> {
    await this.run();
  }

  @Cron('23 * * * *', { name: 'phone-keys-reseal' })
  async run(): Promise<void> {
    try {
      const report = await this.resealing.reseal({ kind: 'system', reason: 'phone-key-rotation' });
      if (report.total > 0) {
        this.logger.log(
          `Re-sealed ${report.total} value(s) under key ${report.newestKeyId}: ${JSON.stringify(report.resealed)}`,
        );
      }
    } catch (error) {
      this.logger.error(`Re-sealing phone numbers failed: ${(error as Error).message}`);
    }
  }
}
