import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { CrierError } from '../../common/errors/crier-error.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import type { EmergencyReviewView } from '../../emergency-reviews/emergency-review.dto.js';
import { EmergencyReviewsService } from '../../emergency-reviews/emergency-reviews.service.js';
import { type Actor, hasRole } from '../../organisation/actor.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import {
  type EmergencyReviewFormValues,
  fieldErrors,
  type FormProblem,
  OUTCOME_WORDS,
  parseEmergencyReviewForm,
  reviewStatusTag,
} from './emergency-review-form.js';
import { ukDateTime12 } from '../uk-dates.js';

const LIST = '/console/emergency-reviews';
/** Refusals the service gives for an expected reason: shown on the form, not as an error page. */
const FORM_REFUSALS = new Set([
  'SECOND_APPROVER_REQUIRED',
  'NOT_AN_APPROVER',
  'EMERGENCY_REVIEW_DONE',
]);
const RECENTLY_DONE = 10;

const item = (review: EmergencyReviewView) => ({
  ...review,
  tag: reviewStatusTag(review.status),
  approvedAtText: ukDateTime12(review.approvedAt),
  dueAtText: ukDateTime12(review.dueAt),
  reviewedAtText: review.reviewedAt ? ukDateTime12(review.reviewedAt) : null,
  outcomeText: review.outcome ? OUTCOME_WORDS[review.outcome] : null,
});

/** The review as summary list rows: the tag is the only HTML, made by govukTag's own classes. */
function summaryRows(review: ReturnType<typeof item>) {
  const rows = [
    {
      key: { text: 'Status' },
      value: {
        html: `<strong class="govuk-tag ${review.tag.classes}">${review.tag.text}</strong>`,
      },
    },
    { key: { text: 'Message' }, value: { text: review.summary } },
    {
      key: { text: 'Why it was an emergency' },
      value: { text: review.emergencyReason ?? 'No reason recorded' },
    },
    { key: { text: 'Channel' }, value: { text: review.channelName } },
    {
      key: { text: 'Approved by' },
      value: { text: `${review.approvedBy.name}, ${review.approvedAtText}` },
    },
    { key: { text: 'Review by' }, value: { text: review.dueAtText } },
  ];
  if (review.reviewedBy) {
    rows.push(
      {
        key: { text: 'Reviewed by' },
        value: { text: `${review.reviewedBy.name}, ${review.reviewedAtText}` },
      },
      { key: { text: 'Outcome' }, value: { text: review.outcomeText ?? '' } },
      { key: { text: 'Comment' }, value: { text: review.comment ?? '' } },
    );
  }
  return rows;
}

/**
 * Retrospective reviews of emergencies sent on one on-call approval: the ones waiting (overdue
 * first), and a form for a second approver to record whether it was right.
 */
@Controller('console/emergency-reviews')
export class EmergencyReviewsPageController {
  constructor(private readonly reviews: EmergencyReviewsService) {}

  @Get()
  @ConsolePage('service_manager', 'comms_approver', 'admin')
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<Page> {
    const [overdue, due, done] = await Promise.all([
      this.reviews.list(actor, 'overdue'),
      this.reviews.list(actor, 'due'),
      this.reviews.list(actor, 'done'),
    ]);
    return page('console/emergency/list', {
      waiting: [...overdue, ...due].map(item),
      overdueCount: overdue.length,
      done: done.slice(0, RECENTLY_DONE).map(item),
      banner: query.done === '1' ? 'Your review has been recorded' : undefined,
    });
  }

  @Get(':id')
  @ConsolePage('service_manager', 'comms_approver', 'admin')
  async show(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Page> {
    return this.form(actor, await this.reviews.get(actor, id), { outcome: '', comment: '' }, []);
  }

  @Post(':id')
  @HttpCode(200)
  // Admins read the reviews; only approvers record them.
  @ConsolePage('service_manager', 'comms_approver')
  async complete(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    const { values, problems, verdict } = parseEmergencyReviewForm(body);
    const refusal = verdict ? await this.refusalToComplete(actor, id, verdict) : null;
    if (verdict && !refusal) throw new SeeOther(`${LIST}?done=1`);
    if (refusal) problems.push({ text: refusal, href: '#outcome' });
    return this.form(actor, await this.reviews.get(actor, id), values, problems);
  }

  /** Records the verdict; an expected refusal (the approver themself, say) comes back as text. */
  private async refusalToComplete(
    actor: Actor,
    id: string,
    verdict: Parameters<EmergencyReviewsService['complete']>[2],
  ): Promise<string | null> {
    try {
      await this.reviews.complete(actor, id, verdict);
      return null;
    } catch (error) {
      if (!(error instanceof CrierError) || !FORM_REFUSALS.has(error.code)) throw error;
      return error.message;
    }
  }

  private form(
    actor: Actor,
    review: EmergencyReviewView,
    values: EmergencyReviewFormValues,
    problems: FormProblem[],
  ): Page {
    const shown = item(review);
    return page('console/emergency/review', {
      review: shown,
      rows: summaryRows(shown),
      mayReview: hasRole(actor, 'service_manager', 'comms_approver') && review.status !== 'done',
      values,
      errors: problems,
      fieldErrors: fieldErrors(problems),
      outcomes: Object.entries(OUTCOME_WORDS).map(([value, text]) => ({
        value,
        text,
        checked: values.outcome === value,
      })),
    });
  }
}
