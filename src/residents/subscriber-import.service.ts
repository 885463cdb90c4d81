import { Inject, Injectable } from '@nestjs/common';
import { AudienceService } from '../audience/audience.service.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Actor } from '../organisation/actor.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import { type ImportRowError, type ImportRowInput, planImport } from './domain/import-rows.js';
import type { ImportResultView } from './dto/import.dto.js';
import { SubscribersRepository } from './subscribers.repository.js';
import { SuppressionsRepository } from './suppressions.repository.js';

/**
 * A council moving its existing opted-in list into Crier, with the consent evidence it holds.
 * Valid entries are imported and the rest reported by index, in one transaction.
 *
 * A number Crier already has as a pending or active subscriber is skipped (ALREADY_SUBSCRIBED),
 * not updated: what a resident chose in Crier is newer than the council's list, and re-running
 * an import is then harmless. One that a reconciliation unsubscribed comes back with the
 * imported choices and evidence: the council's list says they consented. A suppressed number is
 * skipped (SUPPRESSED): STOP and erasure are the resident's own word, which only the resident
 * opting in afresh can undo.
 */
@Injectable()
export class SubscriberImportService {
  constructor(
    private readonly audience: AudienceService,
    private readonly subscribers: SubscribersRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly vault: PhoneVault,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async import(actor: Actor | 'system', rows: ImportRowInput[]): Promise<ImportResultView> {
    const [areas, topics] = await Promise.all([
      this.audience.list('area'),
      this.audience.list('topic'),
    ]);
    const plan = planImport(rows, {
      knownAreas: new Set(areas.map((area) => area.code)),
      knownTopics: new Set(topics.map((topic) => topic.code)),
      now: this.clock.now(),
    });
    const valid = plan.valid.map((entry) => ({
      ...entry,
      phoneHash: this.vault.lookupHash(entry.row.phone),
    }));
    const hashes = valid.map((entry) => entry.phoneHash);

    return this.uow.run(async () => {
      const suppressed = await this.suppressions.suppressedAmong(hashes);
      const existing = await this.subscribers.subscribedAmong(hashes);
      const skipped: ImportRowError[] = [];
      const candidates: typeof valid = [];
      for (const entry of valid) {
        if (suppressed.has(entry.phoneHash)) skipped.push(suppressedError(entry.index));
        else if (existing.has(entry.phoneHash)) skipped.push(alreadySubscribedError(entry.index));
        else candidates.push(entry);
      }
      const added = await this.subscribers.activateImported(
        candidates.map(({ row, phoneHash }) => ({
          phoneSealed: this.vault.encrypt(row.phone),
          phoneHash,
          areas: row.areas,
          topics: row.topics,
          subscribedAt: row.consent.capturedAt,
        })),
      );
      const imported = candidates.flatMap((entry) => {
        const subscriber = added.get(entry.phoneHash);
        // Subscribed by someone else's import or opt-in between the check and the insert.
        if (!subscriber) skipped.push(alreadySubscribedError(entry.index));
        return subscriber
          ? [{ ...entry, subscriberId: subscriber.id, returning: subscriber.returning }]
          : [];
      });
      await this.subscribers.insertConsents(
        imported.map(({ row, subscriberId }) => ({
          subscriberId,
          action: 'import',
          source: row.consent.source,
          privacyNoticeVersion: null,
          evidence: { statement: row.consent.evidence },
          capturedAt: row.consent.capturedAt,
        })),
      );
      const result: ImportResultView = {
        imported: imported.length,
        skipped: skipped.length,
        invalid: plan.invalid.length,
        errors: [...plan.invalid, ...skipped].sort((a, b) => a.index - b.index),
      };
      await this.audit.record({
        type: 'subscribers.imported',
        actor:
          actor === 'system'
            ? { kind: 'system', reason: 'demo-seed' }
            : { kind: 'staff', id: actor.id },
        data: {
          received: rows.length,
          imported: result.imported,
          resubscribed: imported.filter((entry) => entry.returning).length,
          skipped: result.skipped,
          invalid: result.invalid,
        },
      });
      return result;
    });
  }
}

const suppressedError = (index: number): ImportRowError => ({
  index,
  code: 'SUPPRESSED',
  message:
    'This number asked not to be messaged (or was erased); only the resident opting in again can change that.',
});

const alreadySubscribedError = (index: number): ImportRowError => ({
  index,
  code: 'ALREADY_SUBSCRIBED',
  message: 'This number is already subscribed; their own choices in Crier are kept.',
});
