import { Inject, Injectable } from '@nestjs/common';
import { AudienceService } from '../../audience/audience.service.js';
import type { ChannelView } from '../../channels/dto/channel.dto.js';
import { ChannelsService } from '../../channels/channels.service.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { CrierError } from '../../common/errors/crier-error.js';
import type { Priority } from '../../messages/domain/message-status.js';
import type { MessageView } from '../../messages/dto/message-view.dto.js';
import type { Actor } from '../../organisation/actor.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { AudienceCounts } from '../../residents/counts/audience-counts.service.js';
import { AUDIENCE_CODE } from '../../audience/dto/audience.dto.js';
import {
  type ComposeValues,
  type FieldError,
  pollOptionsFrom,
  sendAtFrom,
} from './compose-form.js';
import {
  MAX_BUTTON_TITLE,
  MAX_LIST_ROW_TITLE,
  MAX_POLL_OPTIONS,
  MAX_REPLY_BUTTONS,
  MAX_TEMPLATE_BUTTON_TEXT,
} from '../../messages/domain/poll-definition.js';
import { MESSAGE_LIMITS } from './dto-limits.js';
import { draftableChannels } from './message-actions.js';
import { costText, residentsText } from './message-display.js';
import { quietHoursWarning } from './quiet-hours-warning.js';
import { whatsappPreview } from './whatsapp-preview.js';
import { contentChecks } from './content-checks.js';
import type { MessageContent } from '../../messages/domain/message-content.js';
import { ContentSafeguards } from '../../messages/safeguards/content-safeguards.service.js';

/** What the officer typed, as the content the saved message would hold. */
function contentOf(values: ComposeValues): MessageContent {
  return values.kind === 'text'
    ? { kind: 'text', body: values.body }
    : {
        kind: 'template',
        templateName: values.templateName,
        language: values.language,
        parameters: values.parameters,
      };
}

export interface ReachSummary {
  residents: number;
  residentsText: string;
  costText: string;
}

/** Everything the compose page shows around the form's values. */
@Injectable()
export class ComposePage {
  constructor(
    private readonly channels: ChannelsService,
    private readonly audience: AudienceService,
    private readonly counts: AudienceCounts,
    private readonly organisation: OrganisationService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly safeguards: ContentSafeguards,
  ) {}

  /** How many residents the audience reaches now and what it would cost; null until it is whole. */
  async reach(areas: string[], topics: string[]): Promise<ReachSummary | null> {
    const valid = (codes: string[]) =>
      codes.length > 0 && codes.every((code) => AUDIENCE_CODE.test(code));
    if (!valid(areas) || !valid(topics)) return null;
    try {
      const reach = await this.counts.reach({ areas, topics });
      return {
        residents: reach.residents,
        residentsText: residentsText(reach.residents),
        costText: costText(reach.estimatedCost),
      };
    } catch (error) {
      // An area or topic that does not exist: the form says so when it is saved.
      if (error instanceof CrierError && error.kind === 'bad_input') return null;
      throw error;
    }
  }

  async view(
    actor: Actor,
    options: {
      values: ComposeValues;
      errors?: FieldError[];
      message?: MessageView;
      checked?: boolean;
    },
  ): Promise<Record<string, unknown>> {
    const { values, errors = [], message } = options;
    const [allChannels, areas, topics, services] = await Promise.all([
      this.channels.list(),
      this.audience.list('area'),
      this.audience.list('topic'),
      actor.serviceIds.length > 1 ? this.organisation.listServices() : Promise.resolve([]),
    ]);
    const channels = draftableChannels(actor, allChannels);
    // A message being edited keeps its channel in the list, whatever the list now allows.
    if (message && !channels.some((c) => c.id === message.channelId)) {
      const own = allChannels.find((c) => c.id === message.channelId);
      if (own) channels.unshift(own);
    }
    const channel = channels.find((c) => c.id === values.channelId) ?? channels[0];
    const fieldErrors = Object.fromEntries(
      errors.filter((e) => e.field).map((e) => [e.field, { text: e.text }]),
    );
    return {
      values,
      message,
      errors,
      errorList: errors.map((e) =>
        e.field ? { text: e.text, href: `#${e.field}` } : { text: e.text },
      ),
      fieldErrors,
      limits: MESSAGE_LIMITS,
      channelItems: channels.map((c) => ({
        value: c.id,
        text: c.name,
        selected: c.id === channel?.id,
      })),
      serviceItems: [
        { value: '', text: 'Choose a service' },
        ...services
          .filter((s) => actor.serviceIds.includes(s.id))
          .map((s) => ({ value: s.id, text: s.name, selected: s.id === values.serviceId })),
      ],
      showServices: services.length > 0,
      areaItems: areas.map((a) => ({
        value: a.code,
        text: a.name,
        checked: values.areas.includes(a.code),
      })),
      topicItems: topics.map((t) => ({
        value: t.code,
        text: t.name,
        checked: values.topics.includes(t.code),
      })),
      whatsappPreview: whatsappPreview(channel?.name ?? 'Your council', {
        kind: values.kind,
        templateName: values.templateName,
        language: values.language,
        parameters: values.parameters,
        body: values.body,
        poll: { options: pollOptionsFrom(values.pollOptions) },
      }),
      pollLimits: {
        buttons: MAX_REPLY_BUTTONS,
        options: MAX_POLL_OPTIONS,
        buttonTitle: MAX_BUTTON_TITLE,
        listTitle: MAX_LIST_ROW_TITLE,
        templateButton: MAX_TEMPLATE_BUTTON_TEXT,
      },
      reach: await this.reach(values.areas, values.topics),
      checked: options.checked ?? false,
      // As the saved message would be checked.
      contentChecks: contentChecks(
        this.safeguards.findingsOf(contentOf(values)),
        contentOf(values),
      ),
      quietHours: channel
        ? this.quietHoursWarning(channel, sendAtFrom(values).sendAt, values.priority)
        : null,
    };
  }

  /**
   * The quiet-hours warning for what the form says now (the page's script asks as the channel,
   * priority or send time change); null for a channel this person cannot write on.
   */
  async quietHoursWarningFor(actor: Actor, values: ComposeValues): Promise<string | null> {
    const channel = draftableChannels(actor, await this.channels.list()).find(
      (c) => c.id === values.channelId,
    );
    return channel
      ? this.quietHoursWarning(channel, sendAtFrom(values).sendAt, values.priority)
      : null;
  }

  /** The quiet-hours warning for a message on this channel, judged now. */
  quietHoursWarning(
    channel: Pick<ChannelView, 'name' | 'policy'>,
    sendAt: string | null,
    priority: Priority,
  ): string | null {
    return quietHoursWarning({ channel, sendAt, priority, now: this.clock.now() });
  }
}
