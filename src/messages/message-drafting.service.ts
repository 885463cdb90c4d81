import { Inject, Injectable } from '@nestjs/common';
import { AudienceService } from '../audience/audience.service.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../jobs/job-queue.js';
import { type Actor, hasRole } from '../organisation/actor.js';
import { contentHash } from './domain/content-hash.js';
import { checkDraft, toContent } from './domain/draft-rules.js';
import {
  approvalRefusal,
  type ChannelFacts,
  canDraft,
  messageServiceFor,
} from './domain/message-access.js';
import type { ApprovableContent } from './domain/message-content.js';
import { nextStatus } from './domain/message-workflow.js';
import type { MessageView } from './dto/message-view.dto.js';
import type { CreateMessageDto, UpdateMessageDto } from './dto/message-input.dto.js';
import { MessageRecords } from './message-records.service.js';
import { toMessageView } from './message-view.mapper.js';
import { ContentSafeguards } from './safeguards/content-safeguards.service.js';
import { MessageErrors } from './messages.errors.js';
import { MessagesRepository } from './messages.repository.js';
import type { MessageVersionEntity } from './entities/message-version.entity.js';

const staff = (actor: Actor) => ({ kind: 'staff' as const, id: actor.id });

/** Writing messages: create, edit (a new immutable version each time), submit, cancel. */
@Injectable()
export class MessageDraftingService {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly records: MessageRecords,
    private readonly audience: AudienceService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly safeguards: ContentSafeguards,
  ) {}

  async create(actor: Actor, input: CreateMessageDto): Promise<MessageView> {
    if (!hasRole(actor, 'officer', 'service_manager', 'comms_approver')) {
      throw MessageErrors.draftingNotAllowed();
    }
    const channel = await this.records.channelFor(input.channelId);
    const serviceId = this.draftingServiceFor(actor, channel, input.serviceId);
    const approvable = checkDraft(
      {
        channelId: channel.id,
        content: toContent(input.content),
        audience: input.audience,
        priority: input.priority ?? 'routine',
        sendAt: input.sendAt ?? null,
        emergencyReason: input.emergencyReason ?? null,
      },
      channel.policy,
      this.clock.now(),
    );
    await this.audience.requireKnown(approvable.audience.areas, approvable.audience.topics);

    return this.uow.run(async () => {
      const { message, version } = await this.repository.insertDraft(
        { channelId: channel.id, serviceId, createdBy: actor.id },
        this.versionFields(approvable, actor),
      );
      const hash = version.contentHash;
      await this.audit.record({
        type: 'message.created',
        actor: staff(actor),
        subject: { messageId: message.id, channelId: channel.id },
        data: { version: 1, contentHash: hash, serviceId, ...approvable },
      });
      return toMessageView(
        { message, version, reviews: [], editors: [actor.id] },
        channel.policy,
        this.safeguards.findingsOf(version.content),
      );
    });
  }

  async edit(actor: Actor, id: string, input: UpdateMessageDto): Promise<MessageView> {
    return this.uow.run(async () => {
      const { record, channel: currentChannel } = await this.records.visible(actor, id, {
        lock: true,
      });
      const { message, version } = record;
      if (!nextStatus(message.status, 'edit').ok) throw MessageErrors.notEditable(message.status);

      const channel = input.channelId
        ? await this.records.channelFor(input.channelId)
        : currentChannel;
      const requestedService =
        input.serviceId ??
        (channel.kind === 'corporate' ? (message.serviceId ?? undefined) : undefined);
      const serviceId = this.draftingServiceFor(actor, channel, requestedService);
      const priority = input.priority ?? version.priority;
      const approvable = checkDraft(
        {
          channelId: channel.id,
          content: input.content ? toContent(input.content) : version.content,
          audience: input.audience ?? version.audience,
          priority,
          sendAt:
            input.sendAt === undefined ? (version.sendAt?.toISOString() ?? null) : input.sendAt,
          // Switching to routine drops a reason that no longer applies.
          emergencyReason:
            input.emergencyReason !== undefined
              ? input.emergencyReason
              : priority === 'routine'
                ? null
                : version.emergencyReason,
        },
        channel.policy,
        this.clock.now(),
      );
      if (input.audience) {
        await this.audience.requireKnown(approvable.audience.areas, approvable.audience.topics);
      }

      const newVersion = message.currentVersion + 1;
      record.version = await this.storeVersion(id, newVersion, approvable, actor);
      const hash = record.version.contentHash;
      if (!record.editors.includes(actor.id)) record.editors.push(actor.id);
      message.currentVersion = newVersion;
      message.channelId = channel.id;
      message.serviceId = serviceId;
      await this.repository.updateMessage(message);
      await this.audit.record({
        type: 'message.edited',
        actor: staff(actor),
        subject: { messageId: id, channelId: channel.id },
        data: {
          version: newVersion,
          contentHash: hash,
          previous: { version: version.version, contentHash: version.contentHash },
          serviceId,
          ...approvable,
        },
      });
      return toMessageView(
        record,
        channel.policy,
        this.safeguards.findingsOf(record.version.content),
      );
    });
  }

  async submit(actor: Actor, id: string): Promise<MessageView> {
    return this.uow.run(async () => {
      const { record, channel } = await this.records.visible(actor, id, { lock: true });
      const { message, version } = record;
      if (!canDraft(actor, channel, message.serviceId)) throw MessageErrors.draftingNotAllowed();
      const transition = nextStatus(message.status, 'submit');
      if (!transition.ok) throw MessageErrors.invalidTransition(transition.message);
      message.status = transition.to;
      message.reviewRound += 1;
      await this.repository.updateMessage(message);
      await this.audit.record({
        type: 'message.submitted',
        actor: staff(actor),
        subject: { messageId: id, channelId: channel.id },
        data: {
          version: version.version,
          contentHash: version.contentHash,
          reviewRound: message.reviewRound,
        },
      });
      return toMessageView(
        record,
        channel.policy,
        this.safeguards.findingsOf(record.version.content),
      );
    });
  }

  /** Anyone who may draft or approve on the channel may cancel, until the last recipient is sent. */
  async cancel(actor: Actor, id: string, reason: string): Promise<MessageView> {
    return this.uow.run(async () => {
      const { record, channel } = await this.records.visible(actor, id, { lock: true });
      const { message } = record;
      const mayCancel =
        canDraft(actor, channel, message.serviceId) || approvalRefusal(actor, channel, []) === null;
      if (!mayCancel) throw MessageErrors.cancelNotAllowed();
      const transition = nextStatus(message.status, 'cancel');
      if (!transition.ok) throw MessageErrors.invalidTransition(transition.message);
      const from = message.status;
      message.status = transition.to;
      message.cancelReason = reason;
      await this.repository.updateMessage(message);
      if (message.dispatchJobId) {
        await this.jobs.cancelInTransaction(QUEUES.messageDispatch, message.dispatchJobId);
      }
      await this.audit.record({
        type: 'message.cancelled',
        actor: staff(actor),
        subject: { messageId: id, channelId: channel.id },
        data: { from, reason, version: message.currentVersion },
      });
      return toMessageView(
        record,
        channel.policy,
        this.safeguards.findingsOf(record.version.content),
      );
    });
  }

  private draftingServiceFor(
    actor: Actor,
    channel: ChannelFacts,
    requested: string | undefined,
  ): string | null {
    const serviceId = messageServiceFor(actor, channel, requested);
    if (serviceId === undefined) {
      // Someone with no service at all cannot draft; otherwise they must say which service.
      throw actor.serviceIds.length === 0
        ? MessageErrors.draftingNotAllowed()
        : MessageErrors.serviceUnclear();
    }
    if (!canDraft(actor, channel, serviceId)) throw MessageErrors.draftingNotAllowed();
    return serviceId;
  }

  private async storeVersion(
    messageId: string,
    version: number,
    approvable: ApprovableContent,
    actor: Actor,
  ): Promise<MessageVersionEntity> {
    return this.repository.insertVersion({
      messageId,
      version,
      ...this.versionFields(approvable, actor),
    });
  }

  private versionFields(approvable: ApprovableContent, actor: Actor) {
    return {
      channelId: approvable.channelId,
      content: approvable.content,
      audience: approvable.audience,
      priority: approvable.priority,
      sendAt: approvable.sendAt ? new Date(approvable.sendAt) : null,
      emergencyReason: approvable.emergencyReason,
      contentHash: contentHash(approvable),
      editedBy: actor.id,
    };
  }
}
