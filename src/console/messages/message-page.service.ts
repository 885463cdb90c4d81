import { Injectable } from '@nestjs/common';
import { AudienceService } from '../../audience/audience.service.js';
import { ChannelsService } from '../../channels/channels.service.js';
import type { MessageStatus } from '../../messages/domain/message-status.js';
import type { MessageView } from '../../messages/dto/message-view.dto.js';
import { MessageQueryService } from '../../messages/message-query.service.js';
import type { Actor } from '../../organisation/actor.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { ComposePage } from './compose-page.service.js';
import type { FieldError } from './compose-form.js';
import { messageActions } from './message-actions.js';
import { contentChecks } from './content-checks.js';
import {
  clockTime,
  dateTime,
  namesOf,
  STATUS_OPTIONS,
  statusTag,
  summariseNames,
} from './message-display.js';
import { whatsappPreview } from './whatsapp-preview.js';

const PAGE_SIZE = 25;
/** Statuses before dispatch is planned: quiet hours may still hold the message. */
const NOT_YET_DUE = new Set<MessageStatus>(['draft', 'changes_requested', 'in_review']);
const SUMMARY_LENGTH = 90;

/** The first words of a message, for the list. */
function summaryOf(message: MessageView): string {
  const { content } = message;
  const text =
    content.kind === 'text' ? (content.body ?? '') : (content.parameters ?? []).join(' ');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SUMMARY_LENGTH ? `${flat.slice(0, SUMMARY_LENGTH - 1)}…` : flat;
}

/** Banners after a button was pressed (Post/Redirect/Get): `?done=` names what happened. */
const DONE: Record<string, string> = {
  saved: 'Draft saved',
  submitted: 'Message submitted for review',
  cancelled: 'Message cancelled',
};

/** What the message list and message pages show, from the same services as the API. */
/** Statuses in which a message has reached (some) residents, so a poll may have answers. */
const HAS_GONE_OUT: ReadonlySet<MessageStatus> = new Set(['sending', 'sent', 'cancelled']);

@Injectable()
export class MessagePage {
  constructor(
    private readonly query: MessageQueryService,
    private readonly channels: ChannelsService,
    private readonly audience: AudienceService,
    private readonly organisation: OrganisationService,
    private readonly compose: ComposePage,
  ) {}

  private async lookups() {
    const [channels, areas, topics, staff, services] = await Promise.all([
      this.channels.list(),
      this.audience.list('area'),
      this.audience.list('topic'),
      this.organisation.listStaff(),
      this.organisation.listServices(),
    ]);
    const byCode = (entries: { code: string; name: string }[]) =>
      new Map(entries.map((e) => [e.code, e.name]));
    const byId = (entries: { id: string; name: string }[]) =>
      new Map(entries.map((e) => [e.id, e.name]));
    return {
      channels: new Map(channels.map((c) => [c.id, c])),
      areas: byCode(areas),
      topics: byCode(topics),
      staff: byId(staff),
      services: byId(services),
    };
  }

  async list(actor: Actor, status: MessageStatus | undefined, cursor: string | undefined) {
    const [result, names] = await Promise.all([
      this.query.list(actor, { status, cursor, limit: PAGE_SIZE }),
      this.lookups(),
    ]);
    const rows = result.items.map((message) => ({
      href: `/console/messages/${message.id}`,
      summary: summaryOf(message) || 'No text yet',
      status: statusTag(message.status),
      emergency: message.priority === 'emergency',
      channel: names.channels.get(message.channelId)?.name ?? 'Unknown channel',
      audience: `${summariseNames(namesOf(message.audience.areas, names.areas))}; ${summariseNames(
        namesOf(message.audience.topics, names.topics),
      )}`,
      author: names.staff.get(message.createdBy) ?? 'Unknown',
      created: dateTime(message.createdAt),
    }));
    const filter = status ? `status=${status}&` : '';
    return {
      rows,
      status: status ?? '',
      statusItems: [
        { value: '', text: 'All statuses' },
        ...STATUS_OPTIONS.map((o) => ({ ...o, selected: o.value === status })),
      ],
      statusText: status ? statusTag(status).text.toLowerCase() : '',
      nextHref: result.nextCursor
        ? `/console/messages?${filter}cursor=${encodeURIComponent(result.nextCursor)}`
        : null,
      firstHref: cursor ? `/console/messages${status ? `?status=${status}` : ''}` : null,
      canCreate: actor.roles.some((r) =>
        ['officer', 'service_manager', 'comms_approver'].includes(r),
      ),
    };
  }

  async detail(actor: Actor, id: string, options: { done?: string; errors?: FieldError[] } = {}) {
    const [message, names] = await Promise.all([this.query.get(actor, id), this.lookups()]);
    const channel = names.channels.get(message.channelId);
    const staffName = (staffId: string) => names.staff.get(staffId) ?? 'Unknown person';
    const errors = options.errors ?? [];
    return {
      message,
      contentChecks: contentChecks(message.contentFindings, message.content),
      errors,
      errorList: errors.map((e) =>
        e.field ? { text: e.text, href: `#${e.field}` } : { text: e.text },
      ),
      done: options.done ? DONE[options.done] : undefined,
      status: statusTag(message.status),
      channelName: channel?.name ?? 'Unknown channel',
      serviceName: message.serviceId ? names.services.get(message.serviceId) : undefined,
      whatsappPreview: whatsappPreview(
        channel?.name ?? 'Your council',
        message.content,
        message.dispatchAt ? clockTime(message.dispatchAt) : undefined,
      ),
      areas: summariseNames(namesOf(message.audience.areas, names.areas), 50),
      topics: summariseNames(namesOf(message.audience.topics, names.topics), 50),
      reach: await this.compose.reach(message.audience.areas, message.audience.topics),
      quietHours:
        channel && NOT_YET_DUE.has(message.status)
          ? this.compose.quietHoursWarning(channel, message.sendAt, message.priority)
          : null,
      sendAt: message.sendAt ? dateTime(message.sendAt) : 'As soon as it is approved',
      poll: message.content.poll
        ? {
            options: message.content.poll.options,
            closesAt: dateTime(message.content.poll.closesAt),
            // Results once it has gone out; before that there is nobody to have answered.
            href: HAS_GONE_OUT.has(message.status) ? `/console/messages/${message.id}/poll` : null,
          }
        : null,
      dispatchAt: message.dispatchAt ? dateTime(message.dispatchAt) : null,
      author: staffName(message.createdBy),
      editors: summariseNames(message.editors.map(staffName), 10),
      created: dateTime(message.createdAt),
      updated: dateTime(message.updatedAt),
      approvals: message.approvals.map((a) => ({
        by: staffName(a.by),
        at: dateTime(a.at),
        version: a.version,
        comment: a.comment,
        current: a.current,
      })),
      changeRequests: message.changeRequests.map((c) => ({
        by: staffName(c.by),
        at: dateTime(c.at),
        version: c.version,
        comment: c.comment,
      })),
      actions: channel
        ? messageActions(actor, channel, message)
        : { edit: false, submit: false, cancel: false, review: false, delivery: false },
    };
  }
}
