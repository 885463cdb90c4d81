import { Injectable } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { DeliveryReports } from '../deliveries/delivery-reports.service.js';
import { type Actor, hasRole } from '../organisation/actor.js';
import type { DeliveryReportView, MessageVersionListView } from './dto/message-history.dto.js';
import type { MessageListView, MessageView } from './dto/message-view.dto.js';
import type { ListMessagesQueryDto } from './dto/message-input.dto.js';
import { MessageRecords } from './message-records.service.js';
import { toMessageView } from './message-view.mapper.js';
import { ContentSafeguards } from './safeguards/content-safeguards.service.js';
import { MessageErrors } from './messages.errors.js';
import { type MessageRecord, MessagesRepository } from './messages.repository.js';

const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad');
    return { createdAt, id };
  } catch {
    throw MessageErrors.invalidCursor();
  }
}

@Injectable()
export class MessageQueryService {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly records: MessageRecords,
    private readonly channels: ChannelsService,
    private readonly deliveries: DeliveriesService,
    private readonly reports: DeliveryReports,
    private readonly safeguards: ContentSafeguards,
  ) {}

  async get(actor: Actor, id: string): Promise<MessageView> {
    const { record, channel } = await this.records.visible(actor, id, { lock: false });
    const [view] = await this.withDelivery(
      [record],
      [toMessageView(record, channel.policy, this.safeguards.findingsOf(record.version.content))],
    );
    return view;
  }

  /**
   * Refuses (404) a message this person may not see, without building its view: for pages that
   * only need the permission, some of them asked every few seconds.
   */
  async assertVisible(actor: Actor, id: string): Promise<void> {
    await this.records.visible(actor, id, { lock: false });
  }

  /** Every version, oldest first: what a reviewer compares, and who wrote each. */
  async versions(actor: Actor, id: string): Promise<MessageVersionListView> {
    await this.assertVisible(actor, id);
    const versions = await this.repository.versionsOf(id);
    return {
      items: versions.map((v) => ({
        version: v.version,
        contentHash: v.contentHash,
        content: v.content,
        audience: v.audience,
        priority: v.priority,
        sendAt: v.sendAt?.toISOString() ?? null,
        emergencyReason: v.emergencyReason,
        editedBy: v.editedBy,
        createdAt: v.createdAt.toISOString(),
      })),
    };
  }

  /** The delivery counts, the funnel over time and the failures by reason. */
  async deliveryReport(actor: Actor, id: string): Promise<DeliveryReportView> {
    const { delivery } = await this.get(actor, id);
    const report = await this.reports.of(id);
    return {
      delivery,
      intervalSeconds: report.intervalSeconds,
      funnel: report.funnel.map((point) => ({ ...point, at: point.at.toISOString() })),
      failures: report.failures,
    };
  }

  /** Fills in delivery progress for messages whose recipients have been frozen. */
  private async withDelivery(
    records: MessageRecord[],
    views: MessageView[],
  ): Promise<MessageView[]> {
    const frozen = records.flatMap(({ message }) =>
      message.recipientsTotal === null
        ? []
        : [
            {
              id: message.id,
              total: message.recipientsTotal,
              taken: message.recipientsClaimed,
              cancelled: message.status === 'cancelled',
            },
          ],
    );
    const counts = await this.deliveries.alertCounts(frozen);
    return views.map((view) => ({ ...view, delivery: counts.get(view.id) ?? view.delivery }));
  }

  async list(actor: Actor, query: ListMessagesQueryDto): Promise<MessageListView> {
    const limit = query.limit ?? 50;
    const seesAll = hasRole(actor, 'comms_approver', 'auditor', 'admin');
    const records = await this.repository.list({
      status: query.status,
      channelId: query.channelId,
      serviceIds: seesAll ? null : actor.serviceIds,
      limit,
      before: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const policies = new Map(
      (await this.channels.list()).map((channel) => [channel.id, channel.policy]),
    );
    const items = records.flatMap((record) => {
      const policy = policies.get(record.message.channelId);
      return policy
        ? [toMessageView(record, policy, this.safeguards.findingsOf(record.version.content))]
        : [];
    });
    const last = records.at(-1);
    return {
      items: await this.withDelivery(records, items),
      nextCursor:
        records.length === limit && last
          ? encodeCursor(last.message.createdAt, last.message.id)
          : null,
    };
  }
}
