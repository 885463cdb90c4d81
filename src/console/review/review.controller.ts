import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import { MessageReviewService } from '../../messages/message-review.service.js';
import { MessageTestSendService } from '../../messages/message-test-send.service.js';
import type { Actor } from '../../organisation/actor.js';
import type { Role } from '../../organisation/role.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import {
  COMMENT_MAX,
  type FormProblem,
  OVERRIDE_REASON_MAX,
  parseApproveForm,
  parseChangesForm,
  parseVersion,
  reviewRefusal,
} from './review-forms.js';
import { ReviewPages } from './review-pages.service.js';

/** The same roles as the API's approve route: the channel's policy then decides who may. */
export const APPROVERS: Role[] = ['service_manager', 'comms_approver'];

/** What a re-rendered review page keeps: the problems and what the reviewer typed. */
interface Feedback {
  errors?: FormProblem[];
  values?: { approveComment?: string; overrideReason?: string; changesComment?: string };
}

const BANNERS: Record<string, string> = {
  approved: 'You approved this message',
  changes: 'You sent this message back for changes',
  tested: 'Test sent to your phone. Its progress is shown under ‘Test sends’.',
};

/** The approver's review queue and review page: compare versions, approve, send back, test. */
@Controller('console')
export class ReviewController {
  constructor(
    private readonly pages: ReviewPages,
    private readonly review: MessageReviewService,
    private readonly testSends: MessageTestSendService,
  ) {}

  @Get('review')
  @ConsolePage(...APPROVERS)
  async queue(@CurrentActor() actor: Actor): Promise<Page> {
    return page('console/review/queue', await this.pages.queue(actor));
  }

  @Get('messages/:id/review')
  @ConsolePage(...APPROVERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<Page> {
    const done = Object.keys(BANNERS).find((flag) => query[flag] === '1');
    return this.reviewPage(actor, id, query, {}, done ? BANNERS[done] : undefined);
  }

  @Post('messages/:id/approve')
  @HttpCode(200)
  @ConsolePage(...APPROVERS)
  async approve(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    const { form, problems } = parseApproveForm(body);
    if (problems.length === 0) {
      const refused = await refusalOf(
        () =>
          this.review.approve(
            actor,
            id,
            form.version!,
            form.comment || undefined,
            form.overrideReason || undefined,
          ),
        'approve',
      );
      if (!refused) throw new SeeOther(`/console/messages/${id}/review?approved=1`);
      problems.push(refused);
    }
    return this.reviewPage(
      actor,
      id,
      {},
      {
        errors: problems,
        values: { approveComment: form.comment, overrideReason: form.overrideReason },
      },
    );
  }

  @Post('messages/:id/request-changes')
  @HttpCode(200)
  @ConsolePage(...APPROVERS)
  async requestChanges(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    const { comment, problems } = parseChangesForm(body);
    if (problems.length === 0) {
      const refused = await refusalOf(
        () => this.review.requestChanges(actor, id, comment),
        'changes',
      );
      if (!refused) throw new SeeOther(`/console/messages/${id}/review?changes=1`);
      problems.push(refused);
    }
    return this.reviewPage(
      actor,
      id,
      {},
      { errors: problems, values: { changesComment: comment } },
    );
  }

  @Post('messages/:id/test-send')
  @HttpCode(200)
  @ConsolePage(...APPROVERS)
  async testSend(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<Page> {
    const version = parseVersion(body.version);
    const refused =
      version === undefined
        ? { text: 'Reload the page and send the test again', href: '#test' }
        : await refusalOf(() => this.testSends.sendTest(actor, id, version), 'test');
    if (!refused) throw new SeeOther(`/console/messages/${id}/review?tested=1`);
    return this.reviewPage(actor, id, {}, { errors: [refused] });
  }

  private async reviewPage(
    actor: Actor,
    id: string,
    query: Record<string, unknown>,
    feedback: Feedback,
    banner?: string,
  ): Promise<Page> {
    const errors = feedback.errors ?? [];
    const fieldError = (href: string) => {
      const found = errors.find((problem) => problem.href === href);
      return found ? { text: found.text } : undefined;
    };
    return page('console/review/review', {
      ...(await this.pages.review(actor, id, query)),
      errors,
      approveCommentError: fieldError('#approve-comment'),
      overrideReasonError: fieldError('#override-reason'),
      overrideReasonMax: OVERRIDE_REASON_MAX,
      changesCommentError: fieldError('#changes-comment'),
      values: feedback.values ?? {},
      commentMax: COMMENT_MAX,
      banner,
      testPhoneLink: `/console/me/test-phone?next=${encodeURIComponent(`/console/messages/${id}/review`)}`,
    });
  }
}

/** Runs a review action; an expected refusal comes back as a problem for the page. */
async function refusalOf(
  action: () => Promise<unknown>,
  form: 'approve' | 'changes' | 'test',
): Promise<FormProblem | null> {
  try {
    await action();
    return null;
  } catch (error) {
    return reviewRefusal(error, form);
  }
}
