import { Inject, Injectable } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service.js';
import type { ChannelView } from '../channels/dto/channel.dto.js';
import { DEFAULT_INBOUND_RETENTION_DAYS } from '../channels/governance-policy.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REQUEST_LIFETIME_HOURS } from '../residents/opt-in/web-opt-in.service.js';
import { en } from './i18n/en.js';
import { cy } from './i18n/cy.js';
import { catalogueFor, type Language, languageNavigation, languageQuery } from './i18n/language.js';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice.js';

/**
 * What every residents' page shows besides its own content: the words in its language with the
 * council's facts filled in, and the language navigation. The channel is the first corporate
 * one, which the web opt-in confirms from, so the pages name the number residents hear from.
 */
@Injectable()
export class ResidentPageContext {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly channels: ChannelsService,
  ) {}

  async corporateChannel(): Promise<ChannelView | null> {
    return (await this.channels.list()).find((c) => c.kind === 'corporate') ?? null;
  }

  async build(language: Language, path: string, channel?: ChannelView | null) {
    const corporate = channel === undefined ? await this.corporateChannel() : channel;
    const council =
      this.config.console.councilName ?? (language === 'cy' ? cy : en).layout.councilFallback;
    const t = catalogueFor(language, {
      council,
      channel: corporate?.name ?? council,
      number: corporate?.whatsapp.displayPhoneNumber ?? '',
      version: PRIVACY_NOTICE_VERSION,
      hours: REQUEST_LIFETIME_HOURS,
      inboundDays: corporate?.policy.inboundRetentionDays ?? DEFAULT_INBOUND_RETENTION_DAYS,
      deliveryDays: this.config.retention.deliveryDays,
    });
    const query = languageQuery(language);
    return {
      t,
      lang: language,
      langQuery: query,
      languageNavigation: languageNavigation(language, path),
      links: {
        start: `/subscribe${query}`,
        details: `/subscribe/details${query}`,
        manage: `/subscribe/manage${query}`,
        privacy: `/subscribe/privacy${query}`,
      },
    };
  }
}
