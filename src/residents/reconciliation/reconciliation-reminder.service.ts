import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AuditLog } from '../../audit/audit-log.service.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { RECONCILIATION_INTERVAL_DAYS, reconciliationDue } from './reconciliation-rules.js';
import { ReconciliationsRepository } from './reconciliations.repository.js';

/**
 * Reminds admins when no reconciliation was confirmed in the last 30 days: an audit event and a
 * warning in the log, at most once a UK day. Crier sends no email yet, so the log and the
 * `overdue` flag on the reconciliations list are where an admin (or their monitoring) sees it.
 */
@Injectable()
export class ReconciliationReminder {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    private readonly reconciliations: ReconciliationsRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every process schedules it; the advisory lock and the day's row let one of them remind. */
  @Cron('0 9 * * *', { name: 'reconciliation-reminder', timeZone: 'Europe/London' })
  async runDaily(): Promise<void> {
    try {
      await this.remindIfDue();
    } catch (error) {
      this.logger.error(`Reconciliation reminder failed: ${(error as Error).message}`);
    }
  }

  /** True when it reminded now; false when not due, already reminded today, or another process is. */
  async remindIfDue(): Promise<boolean> {
    return this.uow.run(async () => {
      if (!(await this.reconciliations.tryLockReminder())) return false;
      const now = this.clock.now();
      const due = reconciliationDue(await this.reconciliations.lastConfirmedAt(), now);
      if (!due.overdue) return false;
      if (!(await this.reconciliations.claimReminderDay(now))) return false;
      await this.audit.record({
        type: 'subscribers.reconciliation_due',
        actor: { kind: 'system', reason: 'reconciliation-schedule' },
        data: {
          lastConfirmedAt: due.lastConfirmedAt?.toISOString() ?? null,
          dueBy: due.dueBy?.toISOString() ?? null,
        },
      });
      this.logger.warn(
        `No reconciliation against the council's master list was confirmed in the last ${RECONCILIATION_INTERVAL_DAYS} days` +
          (due.lastConfirmedAt ? ` (last: ${due.lastConfirmedAt.toISOString()})` : ' (never)') +
          '; an admin should upload the current list to POST /api/v1/subscribers/reconciliations.',
      );
      return true;
    });
  }
}
