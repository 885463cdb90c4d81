import { Injectable } from '@nestjs/common';
import { AudienceService } from '../../audience/audience.service.js';
import { ChannelsService } from '../../channels/channels.service.js';
import type { ChannelView } from '../../channels/dto/channel.dto.js';
import { MessageQueryService } from '../../messages/message-query.service.js';
import { MessageTestSendService } from '../../messages/message-test-send.service.js';
import type { Actor } from '../../organisation/actor.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { TestPhoneService } from '../../organisation/test-phone.service.js';
import { whatsappPreview } from '../messages/whatsapp-preview.js';
import { contentChecks } from '../messages/content-checks.js';
import { AudienceCounts } from '../../residents/counts/audience-counts.service.js';
import {
  changedDetails,
  chosenComparison,
  contentText,
  defaultComparison,
  versionDetails,
  wordDiff,
} from './version-diff.js';
import {
  approvalStanding,
  costInWords,
  nameOf,
  residents,
  statusTag,
  testSendStatus,
} from './review-view.js';
import { ukDateTime12Spaced } from '../uk-dates.js';

/** A test can be sent while a message is in review or waiting to go out (the domain decides). */
const TESTABLE = new Set(['in_review', 'approved', 'scheduled']);

/** The most messages the queue lists; a council with more waiting has a bigger problem. */
const QUEUE_LIMIT = 200;

/**
 * Gathers what the review queue and review page show from the same services the API uses, and
 * turns it into what the templates print. No rules are decided here: who may approve comes from
 * the messages domain's own check.
 */
@Injectable()
export class ReviewPages {
  constructor(
    private readonly messages: MessageQueryService,
    private readonly testSends: MessageTestSendService,
    private readonly channels: ChannelsService,
    private readonly organisation: OrganisationService,
    private readonly audience: AudienceService,
    private readonly counts: AudienceCounts,
    private readonly testPhones: TestPhoneService,
  ) {}

  async queue(actor: Actor) {
    const [list, channels, names, places] = await Promise.all([
      this.messages.list(actor, { status: 'in_review', limit: QUEUE_LIMIT }),
      this.channelsById(),
      this.staffNames(),
      this.audienceNames(),
    ]);
    const items = list.items
      .filter((message) => message.status === 'in_review')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .flatMap((message) => {
        const channel = channels.get(message.channelId);
        if (!channel) return [];
        const authorName = nameOf(names, message.createdBy);
        const editorNames = otherEditors(message.editors, message.createdBy, names);
        const audience = audienceSummary(message.audience, places);
        return [
          {
            id: message.id,
            rows: summaryRows([
              ['Channel', channel.name],
              ['Written by', authorName],
              ['Edited by', editorNames.join(', ')],
              ['Areas', audience.areas],
              ['Topics', audience.topics],
              [
                'Approvals still needed',
                `${message.approvalsRemaining} of ${message.approvalsRequired}`,
              ],
              ['Created', ukDateTime12Spaced(message.createdAt)],
            ]),
            version: message.version,
            preview: preview(contentText(message.content)),
            standing: approvalStanding(actor, message, channel),
          },
        ];
      });
    return { items };
  }

  async review(actor: Actor, id: string, query: { from?: unknown; to?: unknown }) {
    const message = await this.messages.get(actor, id);
    const [{ items: versions }, channel, names, places, tests, testPhone] = await Promise.all([
      this.messages.versions(actor, id),
      this.channels.get(message.channelId),
      this.staffNames(),
      this.audienceNames(),
      this.testSends.list(actor, id),
      this.testPhones.masked(actor),
    ]);
    const reviewed = [
      ...message.approvals.map((a) => a.version),
      ...message.changeRequests.map((c) => c.version),
    ];
    const numbers = versions.map((v) => v.version);
    const { from, to } = chosenComparison(
      query,
      numbers,
      defaultComparison(message.version, reviewed),
    );
    const newer = versions.find((v) => v.version === to)!;
    const older = from === null ? undefined : versions.find((v) => v.version === from);
    const reach = await this.counts.reach(message.audience);
    const authorName = nameOf(names, message.createdBy);
    const editorNames = otherEditors(message.editors, message.createdBy, names);
    const audience = audienceSummary(message.audience, places);

    return {
      message,
      contentChecks: contentChecks(message.contentFindings, message.content),
      status: statusTag(message.status),
      channelName: channel.name,
      preview: preview(contentText(message.content)),
      overview: summaryRows([
        ['Written by', authorName],
        ['Edited by', editorNames.join(', ')],
        ['Channel', channel.name],
        ['Areas', audience.areas],
        ['Topics', audience.topics],
        ['Will reach now', residents(reach.residents)],
        ['Estimated cost', costInWords(reach.estimatedCost)],
        ['Approvals needed', String(message.approvalsRequired)],
        ['Approvals still needed', String(message.approvalsRemaining)],
      ]),
      testable: TESTABLE.has(message.status),
      standing: approvalStanding(actor, message, channel),
      approverRoles: channel.policy.approverRoles,
      versions: versions.map((v) => ({
        version: v.version,
        by: nameOf(names, v.editedBy),
        at: ukDateTime12Spaced(v.createdAt),
      })),
      comparison: {
        from,
        to,
        isCurrent: to === message.version,
        by: nameOf(names, newer.editedBy),
        segments: older ? wordDiff(contentText(older.content), contentText(newer.content)) : [],
        details: older ? changedDetails(older, newer) : [],
        unchanged:
          older !== undefined &&
          contentText(older.content) === contentText(newer.content) &&
          changedDetails(older, newer).length === 0,
      },
      shown: {
        version: newer.version,
        preview: whatsappPreview(channel.name, newer.content),
        // Areas and topics are in the overview above, by name.
        details: summaryRows(
          versionDetails(newer)
            .filter((d) => d.label !== 'Areas' && d.label !== 'Topics')
            .map((d) => [d.label, d.value]),
        ),
      },
      approvals: message.approvals.map((a) => ({
        by: nameOf(names, a.by),
        version: a.version,
        at: ukDateTime12Spaced(a.at),
        comment: a.comment,
        current: a.current,
      })),
      changeRequests: message.changeRequests.map((c) => ({
        by: nameOf(names, c.by),
        version: c.version,
        at: ukDateTime12Spaced(c.at),
        comment: c.comment,
      })),
      tests: tests.items.map((test) => ({
        version: test.version,
        by: nameOf(names, test.requestedBy),
        at: ukDateTime12Spaced(test.at),
        status: testSendStatus(test.status),
        failure: test.failureReason,
      })),
      testPhone,
    };
  }

  private async channelsById(): Promise<Map<string, ChannelView>> {
    return new Map((await this.channels.list()).map((channel) => [channel.id, channel]));
  }

  private async staffNames(): Promise<Map<string, string>> {
    return new Map((await this.organisation.listStaff()).map((staff) => [staff.id, staff.name]));
  }

  private async audienceNames(): Promise<Map<string, string>> {
    const [areas, topics] = await Promise.all([
      this.audience.list('area'),
      this.audience.list('topic'),
    ]);
    return new Map([
      ...areas.map((a) => [`area:${a.code}`, a.name] as const),
      ...topics.map((t) => [`topic:${t.code}`, t.name] as const),
    ]);
  }
}

/** Everyone who edited the message after its author, by name. */
function otherEditors(
  editors: readonly string[],
  author: string,
  names: ReadonlyMap<string, string>,
): string[] {
  return editors.filter((id) => id !== author).map((id) => nameOf(names, id));
}

/** "Northfield, Southbank: Gritting" — the areas and topics by name. */
function audienceSummary(
  audience: { areas: string[]; topics: string[] },
  names: ReadonlyMap<string, string>,
): { areas: string; topics: string } {
  const named = (kind: string, codes: string[]) =>
    codes.map((code) => names.get(`${kind}:${code}`) ?? code).join(', ');
  return { areas: named('area', audience.areas), topics: named('topic', audience.topics) };
}

/** The first words of a message, for the queue. */
function preview(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Rows for `govukSummaryList`; a row with nothing to say is left out. */
function summaryRows(rows: [string, string][]) {
  return rows
    .filter(([, value]) => value !== '')
    .map(([key, value]) => ({ key: { text: key }, value: { text: value } }));
}
