import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { CrierError } from '../../common/errors/crier-error.js';
import type { Actor } from '../../organisation/actor.js';
import { TestPhoneService } from '../../organisation/test-phone.service.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { parseTestPhoneForm, returnPath, TEST_PHONE_PAGE } from './test-phone-form.js';

const BANNERS: Record<string, string> = {
  saved: 'Your test phone number has been saved',
  removed: 'Your test phone number has been removed',
};

/** My own phone for "send a test": register, change or remove it; shown only masked. */
@Controller('console/me')
export class TestPhonePageController {
  constructor(private readonly testPhones: TestPhoneService) {}

  @Get('test-phone')
  @ConsolePage()
  async show(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<Page> {
    const done = Object.keys(BANNERS).find((flag) => query[flag] === '1');
    return this.form(actor, {
      next: returnPath(query.next),
      banner: done ? BANNERS[done] : undefined,
    });
  }

  @Post('test-phone')
  @HttpCode(200)
  @ConsolePage()
  async save(@CurrentActor() actor: Actor, @Body() body: Record<string, unknown>): Promise<Page> {
    const form = parseTestPhoneForm(body);
    const back = (flag: string) => form.next ?? `${TEST_PHONE_PAGE}?${flag}=1`;
    if (form.action === 'remove') {
      await this.testPhones.remove(actor);
      throw new SeeOther(back('removed'));
    }
    const problem = form.problem ?? (await this.refusalToSave(actor, form.phone));
    if (!problem) throw new SeeOther(back('saved'));
    return this.form(actor, { next: form.next, phone: form.phone, problem });
  }

  /** Saves the number; a number that is not one comes back as the field's error. */
  private async refusalToSave(actor: Actor, phone: string): Promise<string | null> {
    try {
      await this.testPhones.set(actor, phone);
      return null;
    } catch (error) {
      if (!(error instanceof CrierError) || error.code !== 'INVALID_PHONE_NUMBER') throw error;
      return 'Enter a UK mobile number, like 07700 900 982, or a number with its country code, like +44 7700 900 982';
    }
  }

  private async form(
    actor: Actor,
    state: { next: string | null; phone?: string; problem?: string | null; banner?: string },
  ): Promise<Page> {
    const errors = state.problem ? [{ text: state.problem, href: '#phone' }] : [];
    return page('console/me/test-phone', {
      current: await this.testPhones.masked(actor),
      next: state.next,
      phone: state.phone ?? '',
      errors,
      phoneError: state.problem ? { text: state.problem } : undefined,
      banner: state.banner,
    });
  }
}
