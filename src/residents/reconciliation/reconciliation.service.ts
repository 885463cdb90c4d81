import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '../../audit/audit-log.service.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import type { Actor } from '../../organisation/actor.js';
import { maskPhoneNumber } from '../../phone-numbers/phone-number.js';
import { PhoneVault } from '../../phone-numbers/phone-vault.js';
import { SubscribersRepository } from '../subscribers.repository.js';
import { readMasterList } from './master-list.js';
import type {
  ReconciliationListView,
  ReconciliationReportView,
  ReconciliationView,
} from './reconciliation.dto.js';
import { ReconciliationErrors } from './reconciliation.errors.js';
import { REPORT_VALID_MS, reconciliationDue } from './reconciliation-rules.js';
import { type Reconciliation, ReconciliationsRepository } from './reconciliations.repository.js';

const SAMPLE_SIZE = 5;
const LISTED_REPORTS = 100;

/**
 * The monthly check of Crier's subscribers against the council's master list: first a report of
 * who is absent (counts only, never numbers), then, on another admin's confirmation, those
 * residents are unsubscribed. Four eyes, as for alerts: one admin's wrong file must not end
 * thousands of subscriptions on its own.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly reconciliations: ReconciliationsRepository,
    private readonly subscribers: SubscribersRepository,
    private readonly vault: PhoneVault,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(actor: Actor, phones: string[]): Promise<ReconciliationReportView> {
    const list = readMasterList(phones, (phone) => this.vault.lookupHash(phone));
    return this.uow.run(async () => {
      const now = this.clock.now();
      const report = await this.reconciliations.create({
        createdBy: actor.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + REPORT_VALID_MS),
        listed: phones.length,
        invalid: list.invalid.length,
        listedHashes: list.hashes,
      });
      const sample = await this.reconciliations.sampleSealedPhones(report.id, SAMPLE_SIZE);
      await this.audit.record({
        type: 'subscribers.reconciliation_reported',
        actor: { kind: 'staff', id: actor.id },
        data: {
          reconciliationId: report.id,
          listed: report.listed,
          invalid: report.invalid,
          activeSubscribers: report.activeSubscribers,
          toUnsubscribe: report.toUnsubscribe,
        },
      });
      return {
        ...toView(report),
        invalid: list.invalid,
        sample: sample.map((sealed) => maskPhoneNumber(this.vault.decrypt(sealed))),
      };
    });
  }

  async confirm(actor: Actor, id: string): Promise<ReconciliationView> {
    return this.uow.run(async () => {
      const report = await this.reconciliations.find(id, { lock: true });
      if (!report) throw ReconciliationErrors.notFound();
      if (report.confirmedAt) throw ReconciliationErrors.alreadyConfirmed();
      const now = this.clock.now();
      if (report.expiresAt.getTime() <= now.getTime()) throw ReconciliationErrors.expired();
      if (report.createdBy === actor.id) throw ReconciliationErrors.sameAdmin();

      const unsubscribed = await this.reconciliations.unsubscribeAbsentees(report, now);
      await this.subscribers.insertConsents(
        unsubscribed.map((subscriberId) => ({
          subscriberId,
          action: 'opt_out',
          source: 'reconciliation',
          privacyNoticeVersion: null,
          evidence: { reconciliationId: report.id },
          capturedAt: now,
        })),
      );
      await this.reconciliations.markConfirmed(report.id, actor.id, now, unsubscribed.length);
      // Counts only: one chained event per resident would cost a pseudonym and a chain entry
      // each, and the consent records already name every resident and this reconciliation.
      await this.audit.record({
        type: 'subscribers.reconciled',
        actor: { kind: 'staff', id: actor.id },
        data: {
          reconciliationId: report.id,
          toUnsubscribe: report.toUnsubscribe,
          unsubscribed: unsubscribed.length,
          // Absentees who left, re-chose or were erased between the report and now.
          leftAlone: report.toUnsubscribe - unsubscribed.length,
        },
      });
      return toView({
        ...report,
        confirmedAt: now,
        confirmedBy: actor.id,
        unsubscribed: unsubscribed.length,
      });
    });
  }

  async list(): Promise<ReconciliationListView> {
    const [reports, lastConfirmedAt] = await Promise.all([
      this.reconciliations.list(LISTED_REPORTS),
      this.reconciliations.lastConfirmedAt(),
    ]);
    const due = reconciliationDue(lastConfirmedAt, this.clock.now());
    return {
      items: reports.map(toView),
      lastConfirmedAt: due.lastConfirmedAt?.toISOString() ?? null,
      dueBy: due.dueBy?.toISOString() ?? null,
      overdue: due.overdue,
    };
  }
}

const toView = (report: Reconciliation): ReconciliationView => ({
  id: report.id,
  createdAt: report.createdAt.toISOString(),
  expiresAt: report.expiresAt.toISOString(),
  listed: report.listed,
  invalidCount: report.invalid,
  activeSubscribers: report.activeSubscribers,
  toUnsubscribe: report.toUnsubscribe,
  confirmedAt: report.confirmedAt?.toISOString() ?? null,
  unsubscribed: report.unsubscribed,
});
