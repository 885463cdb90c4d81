import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import type { Actor } from '../../organisation/actor.js';
import { type E164, maskPhoneNumber } from '../../phone-numbers/phone-number.js';
import { PhoneVault } from '../../phone-numbers/phone-vault.js';
import { ErasureService } from '../../residents/erasure.service.js';
import { SubjectAccessService } from '../../residents/subject-access.service.js';
import { page, type Page } from '../../web/page.js';
import {
  errorsByField,
  type FormBody,
  type FormProblem,
  parsePhoneField,
  rawField,
  ticked,
} from './residents-forms.js';
import { erasureRows, subjectAccessSections } from './subject-access-display.js';

type Request = 'access' | 'erasure';

/**
 * A resident's data-protection rights, exercised by an admin for them. The number travels only
 * in POST bodies, never a URL; once typed, the pages carry it sealed with Crier's phone key (as
 * it is stored), so the HTML of a result never holds the number itself.
 */
@Controller('console/residents/privacy')
export class PrivacyPageController {
  constructor(
    private readonly subjectAccess: SubjectAccessService,
    private readonly erasure: ErasureService,
    private readonly vault: PhoneVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ConsolePage('admin')
  form(): Page {
    return this.renderForm({ phone: '', request: '' }, []);
  }

  /** The first step of both: subject access answers at once, erasure asks for confirmation. */
  @Post()
  @HttpCode(200)
  @ConsolePage('admin')
  async ask(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    const request = rawField(body, 'request');
    const phone = parsePhoneField(body);
    const problems: FormProblem[] = [];
    if (!phone.ok) problems.push(phone.problem);
    if (request !== 'access' && request !== 'erasure') {
      problems.push({ text: 'Select what the resident is asking for', href: '#request' });
    }
    if (!phone.ok || problems.length > 0) {
      return this.renderForm(
        { phone: phone.ok ? rawField(body, 'phone') : phone.typed, request },
        problems,
      );
    }
    if ((request as Request) === 'access') return this.showSubjectAccess(actor, phone.phone);
    return this.confirmErasure(phone.phone, phone.masked, []);
  }

  @Post('download')
  @HttpCode(200)
  @ConsolePage('admin')
  async download(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Page | string> {
    const phone = this.unseal(body);
    if (!phone) return this.startAgain();
    const bundle = await this.subjectAccess.bundle(actor, phone);
    const day = this.clock.now().toISOString().slice(0, 10);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="subject-access-${day}.json"`);
    return JSON.stringify(bundle, null, 2);
  }

  @Post('erasure')
  @HttpCode(200)
  @ConsolePage('admin')
  async erase(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    const phone = this.unseal(body);
    if (!phone) return this.startAgain();
    const masked = maskPhoneNumber(phone);
    if (!ticked(body, 'confirm')) {
      return this.confirmErasure(phone, masked, [
        { text: 'Tick the box to confirm you want to erase everything', href: '#confirm' },
      ]);
    }
    const result = await this.erasure.erase(actor, phone);
    return page('console/residents/erasure-done', { phone: masked, rows: erasureRows(result) });
  }

  private async showSubjectAccess(actor: Actor, phone: E164): Promise<Page> {
    const bundle = await this.subjectAccess.bundle(actor, phone);
    return page('console/residents/subject-access', {
      bundle: subjectAccessSections(bundle),
      resident: this.vault.encrypt(phone),
    });
  }

  private confirmErasure(phone: E164, masked: string, problems: FormProblem[]): Page {
    return page('console/residents/erasure-confirm', {
      phone: masked,
      resident: this.vault.encrypt(phone),
      problems,
      errors: errorsByField(problems),
    });
  }

  /** The sealed number a result page posted back; undefined if it was tampered with. */
  private unseal(body: FormBody): E164 | undefined {
    try {
      return this.vault.decrypt(rawField(body, 'resident'));
    } catch {
      return undefined;
    }
  }

  private startAgain(): Page {
    return this.renderForm({ phone: '', request: '' }, [
      { text: "Enter the resident's phone number again", href: '#phone' },
    ]);
  }

  private renderForm(values: { phone: string; request: string }, problems: FormProblem[]): Page {
    return page('console/residents/privacy', {
      values,
      problems,
      errors: errorsByField(problems),
    });
  }
}
