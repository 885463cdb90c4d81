import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AudienceService } from '../audience/audience.service.js';
import { PublicPage } from '../auth/access.decorators.js';
import { CrierError } from '../common/errors/crier-error.js';
import { WebOptInService } from '../residents/opt-in/web-opt-in.service.js';
import { page, type Page, SeeOther } from '../web/page.js';
import { PageRenderer } from '../web/page-renderer.js';
import {
  type DetailsProblem,
  type DetailsValues,
  detailsProblems,
  errorsFor,
  problemFor,
  readDetails,
} from './details-form.js';
import { type Language, languageOf, languageQuery } from './i18n/language.js';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice.js';
import { ResidentPageContext } from './resident-page-context.js';
import { clickToChat } from './whatsapp-link.js';

const EMPTY: DetailsValues = { phone: '', postcode: '', topics: [], consent: false };

/**
 * The residents' pages: how to sign up for alerts on the web (then confirm on WhatsApp), how to
 * change or stop them, and the privacy notice, in English and Welsh (`?lang=cy`). The sign-up
 * goes through the same WebOptInService as the public API, with its rate limits.
 */
@ApiExcludeController()
@Controller('subscribe')
export class SubscribePagesController {
  constructor(
    private readonly optIn: WebOptInService,
    private readonly audience: AudienceService,
    private readonly context: ResidentPageContext,
    private readonly renderer: PageRenderer,
  ) {}

  @Get()
  @PublicPage()
  async start(@Query('lang') lang: unknown): Promise<Page> {
    const topics = await this.audience.list('topic');
    return page('subscribe/start', {
      ...(await this.context.build(languageOf(lang), '/subscribe')),
      topics,
    });
  }

  @Get('details')
  @PublicPage()
  async details(@Query('lang') lang: unknown): Promise<Page> {
    return page('subscribe/details', await this.detailsPage(languageOf(lang), EMPTY, []));
  }

  /**
   * Written to the response here rather than returned, because the outcome decides the status:
   * 200 with the form again, 429 when the shared limits refuse, 503 with no channel to confirm
   * from; a 303 to "Check WhatsApp" when the request is taken.
   */
  @Post('details')
  @PublicPage()
  async submit(
    @Query('lang') lang: unknown,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const language = languageOf(lang);
    const values = readDetails(body);
    const problems = detailsProblems(values);
    if (problems.length === 0) {
      const refused = await this.request(values, language, request);
      if (refused === null)
        throw new SeeOther(`/subscribe/check-whatsapp${languageQuery(language)}`);
      if (refused === 'RATE_LIMITED')
        return this.send(response, 429, 'subscribe/too-many', language);
      if (refused === 'UNAVAILABLE')
        return this.send(response, 503, 'subscribe/unavailable', language);
      problems.push(refused);
    }
    this.renderer.send(
      response,
      200,
      'subscribe/details.njk',
      await this.detailsPage(language, values, problems),
    );
  }

  @Get('check-whatsapp')
  @PublicPage()
  async checkWhatsApp(@Query('lang') lang: unknown): Promise<Page> {
    return page(
      'subscribe/check-whatsapp',
      await this.context.build(languageOf(lang), '/subscribe/check-whatsapp'),
    );
  }

  @Get('manage')
  @PublicPage()
  async manage(@Query('lang') lang: unknown): Promise<Page> {
    const language = languageOf(lang);
    const channel = await this.context.corporateChannel();
    const display = channel?.whatsapp.displayPhoneNumber ?? null;
    // The word in the page's language; both languages' words work on WhatsApp.
    const [stop, join] = language === 'cy' ? ['STOPIO', 'YMUNO'] : ['STOP', 'JOIN'];
    const stopLink = clickToChat(display, stop);
    return page('subscribe/manage', {
      ...(await this.context.build(language, '/subscribe/manage', channel)),
      stopLink,
      joinLink: clickToChat(display, join),
      displayNumber: stopLink ? display : null,
    });
  }

  @Get('privacy')
  @PublicPage()
  async privacy(@Query('lang') lang: unknown): Promise<Page> {
    return page('subscribe/privacy', {
      ...(await this.context.build(languageOf(lang), '/subscribe/privacy')),
      version: PRIVACY_NOTICE_VERSION,
    });
  }

  /**
   * Asks the service, as the public API does, in the page's language (the WhatsApp confirmation
   * is sent in it). Null when taken; otherwise the field it refused, or why nothing can be taken
   * now. Anything unexpected falls through to the error page.
   */
  private async request(
    values: DetailsValues,
    language: Language,
    request: Request,
  ): Promise<null | DetailsProblem | 'RATE_LIMITED' | 'UNAVAILABLE'> {
    try {
      await this.optIn.request(
        {
          phone: values.phone,
          postcode: values.postcode,
          topics: values.topics,
          consent: true,
          privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
          language,
        },
        request.ip ?? request.socket.remoteAddress ?? 'unknown',
      );
      return null;
    } catch (error) {
      if (!(error instanceof CrierError)) throw error;
      if (error.code === 'RATE_LIMITED') return 'RATE_LIMITED';
      if (error.code === 'NO_CORPORATE_CHANNEL') return 'UNAVAILABLE';
      const problem = problemFor(error);
      if (!problem) throw error;
      return problem;
    }
  }

  private async detailsPage(language: Language, values: DetailsValues, problems: DetailsProblem[]) {
    const context = await this.context.build(language, '/subscribe/details');
    const topics = await this.audience.list('topic');
    const errors = errorsFor(problems, context.t.errors);
    return {
      ...context,
      values,
      topicItems: topics.map((topic) => ({
        value: topic.code,
        text: topic.name,
        checked: values.topics.includes(topic.code),
      })),
      errorSummary: errors.summary,
      fieldErrors: errors.fields,
    };
  }

  private async send(response: Response, status: number, view: string, language: Language) {
    const context = await this.context.build(language, '/subscribe');
    this.renderer.send(response, status, `${view}.njk`, context);
  }
}
