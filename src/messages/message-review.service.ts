import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../jobs/job-queue.js';
import type { Actor } from '../organisation/actor.js';
import { planDispatch } from './domain/dispatch-plan.js';
import { approvalRequirement, retrospectiveReviewDue } from './domain/emergency-path.js';
import { EmergencyReviewsService } from '../emergency-reviews/emergency-reviews.service.js';
import { approvalRefusal, type ChannelFacts } from './domain/message-access.js';
import { nextStatus } from './domain/message-workflow.js';
import type { MessageView } from './dto/message-view.dto.js';
import { MessageRecords } from './message-records.service.js';
import { MessagingReach } from '../residents/reach/messaging-reach.service.js';
import { currentApprovers, toMessageView } from './message-view.mapper.js';
import { MessageErrors } from './messages.errors.js';
import { type MessageRecord, MessagesRepository } from './messages.repository.js';
import { approvalOverride } from './safeguards/approval-override.js';
import { ContentSafeguards } from './safeguards/content-safeguards.service.js';

/** What a dispatch job carries: the sender re-checks the hash against the message before sending. */
export interface DispatchJobData {
  messageId: string;
  version: number;
  contentHash: string;
}

/** Sign-off: approvals bound to an exact version, change requests, and the hand-over to dispatch. */
@Injectable()
export class MessageReviewService {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly records: MessageRecords,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reach: MessagingReach,
    private readonly safeguards: ContentSafeguards,
    private readonly emergencyReviews: EmergencyReviewsService,
  ) {}

  async approve(
    actor: Actor,
    id: string,
    version: number,
    comment?: string,
    overrideReason?: string,
  ): Promise<MessageView> {
    return this.uow.run(async () => {
      const { record, channel } = await this.records.visible(actor, id, { lock: true });
      const { message } = record;
      const refusal = approvalRefusal(actor, channel, record.editors);
      if (refusal) throw MessageErrors.approval(refusal);
      if (message.status !== 'in_review') throw MessageErrors.notInReview(message.status);
      if (version !== message.currentVersion) {
        throw MessageErrors.versionMismatch(message.currentVersion, version);
      }
      const approvers = currentApprovers(record);
      if (approvers.includes(actor.id)) throw MessageErrors.alreadyApproved();
      // Content safeguards: findings need a reason (409 without), recorded with the approval.
      const override = approvalOverride(
        this.safeguards.findingsOf(record.version.content),
        overrideReason,
      );

      const approvals = approvers.length + 1;
      // The emergency path: one on-call approval sends an emergency, owing a retrospective review.
      const { approvalsRequired, emergencyPath } = approvalRequirement({
        policy: channel.policy,
        priority: record.version.priority,
        approverId: actor.id,
        editors: record.editors,
        approvals,
      });
      if (emergencyPath) {
        const approvedAt = this.clock.now();
        await this.emergencyReviews.open({
          messageId: id,
          version,
          channelId: channel.id,
          approvedBy: actor.id,
          approvedAt,
          dueAt: retrospectiveReviewDue(channel.policy, approvedAt),
        });
      }
      await this.audit.record({
        type: 'message.approved',
        actor: { kind: 'staff', id: actor.id },
        subject: { messageId: id, channelId: channel.id },
        data: {
          version,
          contentHash: record.version.contentHash,
          approvals,
          approvalsRequired,
          comment: comment ?? null,
          ...override,
          ...(emergencyPath ? { emergencyPath: true } : {}),
        },
      });

      const transition = nextStatus(message.status, 'approve', { approvals, approvalsRequired });
      if (!transition.ok) throw MessageErrors.invalidTransition(transition.message);
      const final = transition.to === 'approved';
      if (final) {
        await this.reach.assertWithinLimit(record.version.audience);
        message.status = 'approved';
        await this.handOverToDispatch(record, channel);
      }
      // One statement stores the approval and, when it was the last one needed, the new status.
      const review = await this.repository.insertReview(
        {
          messageId: id,
          version,
          reviewRound: message.reviewRound,
          decision: 'approved',
          contentHash: record.version.contentHash,
          reviewerId: actor.id,
          comment: comment ?? null,
        },
        final ? message : undefined,
      );
      return toMessageView(
        { ...record, reviews: [...record.reviews, review] },
        channel.policy,
        this.safeguards.findingsOf(record.version.content),
      );
    });
  }

  async requestChanges(actor: Actor, id: string, comment: string): Promise<MessageView> {
    return this.uow.run(async () => {
      const { record, channel } = await this.records.visible(actor, id, { lock: true });
      const { message, version } = record;
      const refusal = approvalRefusal(actor, channel, record.editors);
      if (refusal) throw MessageErrors.approval(refusal);
      const transition = nextStatus(message.status, 'request_changes');
      if (!transition.ok) throw MessageErrors.notInReview(message.status);
      message.status = transition.to;
      const review = await this.repository.insertReview(
        {
          messageId: id,
          version: version.version,
          reviewRound: message.reviewRound,
          decision: 'changes_requested',
          contentHash: version.contentHash,
          reviewerId: actor.id,
          comment,
        },
        message,
      );
      await this.audit.record({
        type: 'message.changes_requested',
        actor: { kind: 'staff', id: actor.id },
        subject: { messageId: id, channelId: channel.id },
        data: { version: version.version, contentHash: version.contentHash, comment },
      });
      return toMessageView(
        { ...record, reviews: [...record.reviews, review] },
        channel.policy,
        this.safeguards.findingsOf(record.version.content),
      );
    });
  }

  /**
   * The final approval: decide when the message goes out (its send time, held to the end of quiet
   * hours unless an emergency may pass) and enqueue the dispatch job in this same transaction.
   */
  private async handOverToDispatch(record: MessageRecord, channel: ChannelFacts): Promise<void> {
    const { message, version } = record;
    const plan = planDispatch({
      now: this.clock.now(),
      sendAt: version.sendAt,
      priority: version.priority,
      policy: channel.policy,
    });
    // A poll that would close before it goes out (say, held for quiet hours) asks nobody anything.
    const poll = version.content.poll;
    if (poll && Date.parse(poll.closesAt) <= plan.runAt.getTime()) {
      throw MessageErrors.pollClosesBeforeSending(plan.runAt.toISOString());
    }
    const transition = nextStatus(message.status, plan.later ? 'schedule' : 'start_sending', {
      dispatchLater: plan.later,
    });
    if (!transition.ok) throw MessageErrors.invalidTransition(transition.message);
    const job: DispatchJobData = {
      messageId: message.id,
      version: version.version,
      contentHash: version.contentHash,
    };
    message.dispatchJobId = await this.jobs.enqueueInTransaction(QUEUES.messageDispatch, job, {
      startAfter: plan.runAt,
      singletonKey: `${message.id}:${version.version}`,
    });
    message.status = transition.to;
    message.dispatchAt = plan.runAt;
    const subject = { messageId: message.id, channelId: channel.id };
    const actor = { kind: 'system' as const, reason: 'final-approval' };
    if (plan.bypassedQuietHours) {
      await this.audit.record({
        type: 'message.quiet_hours_bypassed',
        actor,
        subject,
        data: {
          version: version.version,
          reason: version.emergencyReason,
          quietHours: channel.policy.quietHours,
        },
      });
    }
    await this.audit.record({
      type: transition.to === 'scheduled' ? 'message.scheduled' : 'message.dispatch_queued',
      actor,
      subject,
      data: {
        version: version.version,
        contentHash: version.contentHash,
        dispatchAt: plan.runAt.toISOString(),
        heldForQuietHours: plan.heldForQuietHours,
        jobId: message.dispatchJobId,
      },
    });
  }
}
