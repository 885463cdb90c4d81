import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import type { AuditActor } from '../audit/audit-event.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { ChannelsService } from '../channels/channels.service.js';
import { DEFAULT_INBOUND_RETENTION_DAYS } from '../channels/governance-policy.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { RetentionReportView } from './dto/retention-report.dto.js';
import { RetentionErrors } from './retention.errors.js';
import { RetentionRepository } from './retention.repository.js';
import {
  cutoff,
  inboundCutoffs,
  stuckCallbackCutoff,
  UNMATCHED_RECEIPT_DAYS,
} from './retention-cutoffs.js';

/** Deletes what Crier no longer needs to keep, daily and on an admin's demand. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly retention: RetentionRepository,
    private readonly channels: ChannelsService,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every process schedules it; the advisory lock lets one of them do the work. */
  @Cron('30 3 * * *', { name: 'retention', timeZone: 'Europe/London' })
  async runDaily(): Promise<void> {
    try {
      const report = await this.run({ kind: 'system', reason: 'retention-schedule' });
      if (report) this.logger.log(`Retention ran: ${JSON.stringify(report)}`);
    } catch (error) {
      this.logger.error(`Retention failed: ${(error as Error).message}`);
    }
  }

  /** The on-demand run: refused while another run holds the lock. */
  async runNow(actor: AuditActor): Promise<RetentionReportView> {
    const report = await this.run(actor);
    if (!report) throw RetentionErrors.alreadyRunning();
    return report;
  }

  /**
   * One transaction: the deletions and the audit event that counts them commit together, and
   * the lock is held until then. Null when another run holds the lock.
   */
  private async run(actor: AuditActor): Promise<RetentionReportView | null> {
    const channels = (await this.channels.list()).map((channel) => ({
      channelId: channel.id,
      inboundRetentionDays: channel.policy.inboundRetentionDays,
    }));
    return this.uow.run(async () => {
      if (!(await this.retention.tryLock())) return null;
      const now = this.clock.now();
      const inboundContentDeleted = await this.retention.deleteInboundContent(
        inboundCutoffs(now, channels),
        now,
      );
      const stuckCallbacksDeleted = await this.retention.deleteStuckCallbacks(
        stuckCallbackCutoff(now, channels, DEFAULT_INBOUND_RETENTION_DAYS),
      );
      const finished = await this.retention.deleteFinishedDeliveries(
        cutoff(now, this.config.retention.deliveryDays),
      );
      const unmatched = await this.retention.deleteUnmatchedReceipts(
        cutoff(now, UNMATCHED_RECEIPT_DAYS),
      );
      const counts = {
        inboundContentDeleted,
        stuckCallbacksDeleted,
        deliveriesDeleted: finished.deliveries,
        receiptsDeleted: finished.receipts + unmatched,
      };
      await this.audit.record({
        type: 'retention.ran',
        actor,
        data: { ...counts, deliveryRetentionDays: this.config.retention.deliveryDays },
      });
      return { ...counts, ranAt: now.toISOString() };
    });
  }
}
