import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { CrierError } from '../../common/errors/crier-error.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import type { Actor } from '../../organisation/actor.js';
import { ReconciliationService } from '../../residents/reconciliation/reconciliation.service.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { dueText, reconciliationRows } from './reconciliation-display.js';
import {
  errorsByField,
  type FormBody,
  type FormProblem,
  parseMasterListText,
  rawField,
} from './residents-forms.js';

/** A long list's bad lines are many; the first ones show what is wrong with the file. */
const SHOWN_INVALID_LINES = 50;

/** Refusals of a confirmation the admin can act on; anything else is the error page's. */
const CONFIRM_REFUSALS = new Set([
  'RECONCILIATION_SAME_ADMIN',
  'RECONCILIATION_EXPIRED',
  'RECONCILIATION_CONFIRMED',
  'RECONCILIATION_NOT_FOUND',
]);

/**
 * The monthly reconciliation: one admin pastes the council's master list and sees the report;
 * another admin confirms it from the list of reconciliations.
 */
@Controller('console/residents/reconciliations')
export class ReconciliationsPageController {
  constructor(
    private readonly reconciliations: ReconciliationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ConsolePage('admin')
  list(@Query('confirmed') confirmed?: string): Promise<Page> {
    return this.render({ confirmed });
  }

  @Post()
  @HttpCode(200)
  @ConsolePage('admin')
  async report(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    const text = rawField(body, 'phones');
    const list = parseMasterListText(text);
    if (!list.ok) return this.render({ phones: text, problems: [list.problem] });
    const report = await this.reconciliations.report(actor, list.phones);
    return page('console/residents/reconciliation-report', {
      report,
      row: reconciliationRows([report], this.clock.now())[0],
      // The list's own line numbers: the service counts entries, the admin sees lines.
      invalidLines: report.invalid.slice(0, SHOWN_INVALID_LINES).map((e) => list.lines[e.index]),
      moreInvalid: Math.max(report.invalid.length - SHOWN_INVALID_LINES, 0),
    });
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ConsolePage('admin')
  async confirm(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Page> {
    try {
      await this.reconciliations.confirm(actor, id);
    } catch (error) {
      if (!(error instanceof CrierError) || !CONFIRM_REFUSALS.has(error.code)) throw error;
      return this.render({ problems: [{ text: error.message, href: `#confirm-${id}` }] });
    }
    throw new SeeOther(`/console/residents/reconciliations?confirmed=${id}`);
  }

  private async render(state: {
    phones?: string;
    problems?: FormProblem[];
    confirmed?: string;
  }): Promise<Page> {
    const problems = state.problems ?? [];
    const reconciliations = await this.reconciliations.list();
    return page('console/residents/reconciliations', {
      reconciliations,
      rows: reconciliationRows(reconciliations.items, this.clock.now()),
      due: dueText(reconciliations),
      // Only a reconciliation on the list: the query string cannot make the page say anything else.
      confirmed: reconciliations.items.find(
        (item) => item.id === state.confirmed && item.confirmedAt,
      ),
      values: { phones: state.phones ?? '' },
      problems,
      errors: errorsByField(problems),
    });
  }
}
