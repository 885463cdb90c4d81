import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { MessageContent } from '../messages/domain/message-content.js';
import { MessageQueryService } from '../messages/message-query.service.js';
import type { Actor } from '../organisation/actor.js';
import { type PollResults, pollResults, pollResultsCsv } from './domain/poll-results.js';
import type { PollResultsView } from './dto/poll-results.dto.js';
import { PollErrors } from './polls.errors.js';
import { type PollRecord, PollsRepository } from './polls.repository.js';

/**
 * Late callbacks: Meta retries a webhook for days, so a tap made before the closing time may
 * arrive after it. Final tallies are recorded this long after closing, and never change after.
 */
export const POLL_FINALISE_AFTER_MS = 10 * 60 * 1000;
const CLOSING_BATCH = 50;

/** Snap poll results for staff, and their closing. Answers come in through PollAnswersListener. */
@Injectable()
export class PollsService {
  private readonly logger = new Logger('Polls');

  constructor(
    private readonly polls: PollsRepository,
    private readonly messages: MessageQueryService,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Live results for anyone who may see the message (404 for those who may not). */
  async results(actor: Actor, messageId: string): Promise<PollResultsView> {
    return (await this.resultsWithContent(actor, messageId)).results;
  }

  /** The results and the content that asked the question, as the console's page shows them. */
  async resultsWithContent(
    actor: Actor,
    messageId: string,
  ): Promise<{ results: PollResultsView; content: MessageContent }> {
    await this.messages.assertVisible(actor, messageId);
    const record = await this.polls.find(messageId);
    if (!record) throw PollErrors.noPoll();
    const results = await this.tally(record);
    const now = this.clock.now();
    return {
      content: record.content,
      results: {
        messageId,
        ...results,
        closesAt: record.poll.closesAt,
        closed: now.getTime() > Date.parse(record.poll.closesAt),
        finalisedAt: record.closedAt?.toISOString() ?? null,
        generatedAt: now.toISOString(),
      },
    };
  }

  async csv(actor: Actor, messageId: string): Promise<string> {
    return pollResultsCsv(await this.results(actor, messageId));
  }

  /**
   * Records the final tallies of polls closed more than POLL_FINALISE_AFTER_MS ago, each once
   * (poll.closed in the audit log), whichever process gets there first.
   */
  async finaliseClosed(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - POLL_FINALISE_AFTER_MS);
    let finalised = 0;
    for (const messageId of await this.polls.dueForClosing(before, CLOSING_BATCH)) {
      const done = await this.uow.run(async () => {
        const record = await this.polls.find(messageId);
        if (!record || record.closedAt) return false;
        const results = await this.tally(record);
        const tallies = {
          answers: results.answers,
          options: results.options.map(({ option, answers }) => ({ option, answers })),
          byArea: results.byArea.map((area) => ({
            areaCode: area.areaCode,
            answers: area.answers,
            options: area.options.map((option) => option.answers),
          })),
        };
        if (!(await this.polls.close(messageId, tallies))) return false;
        await this.audit.record({
          type: 'poll.closed',
          actor: { kind: 'system', reason: 'poll-closing-time' },
          subject: { messageId, channelId: record.channelId },
          data: { closesAt: record.poll.closesAt, ...tallies },
        });
        return true;
      });
      if (done) finalised += 1;
    }
    if (finalised > 0) this.logger.log(`recorded the final tallies of ${finalised} poll(s)`);
    return finalised;
  }

  private async tally(record: PollRecord): Promise<PollResults> {
    const tallies = await this.polls.tallies(record.messageId, new Date(record.poll.closesAt));
    const codes = [
      ...new Set([
        ...record.audience.areas,
        ...tallies.byArea.flatMap((row) => (row.areaCode ? [row.areaCode] : [])),
      ]),
    ];
    const names = await this.polls.areaNames(codes);
    return pollResults(record.poll, record.audience.areas, tallies, names);
  }
}
