import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage } from '../../auth/access.decorators.js';
import { ChannelsService } from '../../channels/channels.service.js';
import type { ChannelView } from '../../channels/dto/channel.dto.js';
import { badInput } from '../../common/errors/crier-error.js';
import type { E164 } from '../../phone-numbers/phone-number.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { buildConversation, findOption, type HandsetAction } from './conversation.js';
import { type HandsetView, handsetView, trainingResidents } from './handset-view.js';
import {
  type FormError,
  HandsetTapForm,
  HandsetTextForm,
  OpenHandsetForm,
  parseTapForm,
  parseTextForm,
} from './training-forms.js';
import { handsetPath, NOT_A_TRAINING_NUMBER, trainingNumber } from './training-number.js';
import { TrainingSimulatorClient } from './training-simulator.client.js';

/**
 * Training mode: a simulated resident's handset on the embedded WhatsApp simulator, so new staff
 * can practise the whole journey (JOIN, alerts, replies, STOP) without reaching a real phone.
 * Open to any signed-in staff member, and not audited: nothing here changes what Crier does for
 * real residents beyond what a resident's own message would, and every message stays inside the
 * simulator, on Ofcom's drama numbers only.
 */
@Controller('console/training')
export class TrainingController {
  constructor(
    private readonly simulator: TrainingSimulatorClient,
    private readonly channels: ChannelsService,
  ) {}

  @Get()
  @ConsolePage()
  async index(): Promise<Page> {
    return this.indexPage();
  }

  @Post('handsets')
  @ConsolePage()
  @HttpCode(200)
  async open(@Body() form: OpenHandsetForm): Promise<Page> {
    const phone = trainingNumber(form.number ?? '');
    if (phone === null) {
      const error = { text: NOT_A_TRAINING_NUMBER, href: '#handset-number' };
      return this.indexPage({ errors: [error], number: form.number ?? '' });
    }
    throw new SeeOther(handsetPath(phone));
  }

  @Get('handsets/:number')
  @ConsolePage()
  async handset(@Param('number') number: string, @Query('channel') channel?: unknown) {
    const phone = this.phoneOf(number);
    if (!this.simulator.enabled) return page('console/training/off');
    return this.handsetPage(phone, typeof channel === 'string' ? channel : undefined);
  }

  @Post('handsets/:number/messages')
  @ConsolePage()
  @HttpCode(200)
  async sendText(@Param('number') number: string, @Body() form: HandsetTextForm): Promise<Page> {
    const phone = this.phoneOf(number);
    const parsed = parseTextForm(form);
    if ('error' in parsed) {
      return this.handsetPage(phone, form.channel, { errors: [parsed.error], text: form.text });
    }
    return this.sendAction(phone, form.channel, parsed, form.text);
  }

  @Post('handsets/:number/taps')
  @ConsolePage()
  @HttpCode(200)
  async tap(@Param('number') number: string, @Body() form: HandsetTapForm): Promise<Page> {
    const phone = this.phoneOf(number);
    const tap = parseTapForm(form);
    if (tap === null) {
      const error = { text: 'Choose a button or list row on a message', href: '#conversation' };
      return this.handsetPage(phone, form.channel, { errors: [error] });
    }
    let action: HandsetAction;
    if (tap.kind === 'quick_reply') {
      // The label goes with the payload, as a resident's tap sends both.
      const view = await this.handsetContext(phone, form.channel);
      const item = view?.items.find((i) => i.id === tap.context);
      const label = findOption(item, 'quick_reply', tap.option)?.title;
      action = { kind: 'quick_reply', payload: tap.option, context: tap.context, text: label };
    } else {
      action = { kind: tap.kind, id: tap.option, context: tap.context };
    }
    return this.sendAction(phone, form.channel, action);
  }

  private async sendAction(
    phone: E164,
    channelId: string | undefined,
    action: HandsetAction,
    typed?: string,
  ): Promise<Page> {
    if (!this.simulator.enabled) throw new SeeOther('/console/training');
    const channel = await this.channelFor(channelId);
    if (!channel) return this.handsetPage(phone, channelId);
    const outcome = await this.simulator.send(phone, channel.whatsapp.phoneNumberId, action);
    if (!outcome.sent) {
      const errors = outcome.problems.map((text) => ({
        text: `The simulator refused it: ${text}`,
        href: action.kind === 'text' ? '#reply-text' : '#conversation',
      }));
      return this.handsetPage(phone, channelId, { errors, text: typed });
    }
    throw new SeeOther(
      `${handsetPath(phone)}?channel=${encodeURIComponent(channel.whatsapp.phoneNumberId)}`,
    );
  }

  private phoneOf(number: string): E164 {
    const phone = trainingNumber(number);
    if (phone === null) throw badInput('NOT_A_TRAINING_NUMBER', NOT_A_TRAINING_NUMBER);
    return phone;
  }

  private async indexPage(form: { errors?: FormError[]; number?: string } = {}): Promise<Page> {
    if (!this.simulator.enabled) return page('console/training/off');
    const [channels, messages] = await Promise.all([
      this.channels.list(),
      this.simulator.messages(),
    ]);
    return page('console/training/index', {
      channels,
      residents: trainingResidents(messages, channels),
      errors: form.errors ?? [],
      number: form.number ?? '',
    });
  }

  /** The channel asked for by phone-number id, or the first one (the corporate channel first). */
  private async channelFor(phoneNumberId: string | undefined): Promise<ChannelView | undefined> {
    const channels = await this.channels.list();
    const ordered = [...channels].sort(
      (a, b) => Number(b.kind === 'corporate') - Number(a.kind === 'corporate'),
    );
    return ordered.find((c) => c.whatsapp.phoneNumberId === phoneNumberId) ?? ordered[0];
  }

  private async handsetContext(
    phone: E164,
    phoneNumberId: string | undefined,
  ): Promise<HandsetView | null> {
    const channel = await this.channelFor(phoneNumberId);
    if (!channel) return null;
    const [messages, wordings, channels] = await Promise.all([
      this.simulator.messages(phone),
      this.simulator.templateWordings(),
      this.channels.list(),
    ]);
    const items = buildConversation(
      messages,
      this.simulator.sentBy(phone),
      channel.whatsapp.phoneNumberId,
      wordings,
    );
    return handsetView(phone, channel, channels, items);
  }

  private async handsetPage(
    phone: E164,
    phoneNumberId: string | undefined,
    form: { errors?: FormError[]; text?: string } = {},
  ): Promise<Page> {
    if (!this.simulator.enabled) return page('console/training/off');
    const view = await this.handsetContext(phone, phoneNumberId);
    if (view === null) return page('console/training/no-channels');
    return page('console/training/handset', {
      ...view,
      errors: form.errors ?? [],
      text: form.text ?? '',
    });
  }
}
