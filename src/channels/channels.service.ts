import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuditActor } from '../audit/audit-event.js';
import { TtlCache } from '../common/ttl-cache.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Actor } from '../organisation/actor.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { approvalRefusal } from '../messages/domain/message-access.js';
import type { ChannelEntity } from './channel.entity.js';

/** New channels send through the WhatsApp Cloud API (see src/dispatch/sender-registry.ts). */
const CLOUD_API_PROVIDER_NAME = 'whatsapp-cloud-api';
/** How long every sender on a channel holds back after Meta says it is sending too fast. */
const THROTTLE_PAUSE_MS = 250;
/** Meta's default messages per second for a business number. */
const DEFAULT_THROUGHPUT = 80;
import { ChannelErrors } from './channels.errors.js';
import { ChannelsRepository } from './channels.repository.js';
import type { ChannelView, CreateChannelDto, GovernancePolicyDto } from './dto/channel.dto.js';
import {
  type ChannelKind,
  DEFAULT_ALLOWED_CONTENT_KINDS,
  DEFAULT_INBOUND_RETENTION_DAYS,
  type GovernancePolicy,
  inboundRetentionDaysOf,
  policyProblems,
} from './governance-policy.js';

const channelView = (channel: ChannelEntity): ChannelView => ({
  id: channel.id,
  name: channel.name,
  kind: channel.kind,
  serviceId: channel.serviceId,
  whatsapp: {
    phoneNumberId: channel.phoneNumberId,
    displayPhoneNumber: channel.displayPhoneNumber,
  },
  policy: { ...channel.policy, inboundRetentionDays: inboundRetentionDaysOf(channel.policy) },
  sending: {
    active: channel.sendingPausedAt === null,
    provider: channel.provider,
    pausedAt: channel.sendingPausedAt?.toISOString() ?? null,
    pausedCode: channel.sendingPausedCode,
    pausedReason: channel.sendingPausedReason,
    throughputPerSecond: channel.throughputPerSecond,
  },
});

function toPolicy(input: GovernancePolicyDto, kind: ChannelKind): GovernancePolicy {
  const policy: GovernancePolicy = {
    approvalsRequired: input.approvalsRequired,
    approverRoles: [...input.approverRoles].sort(),
    quietHours: input.quietHours
      ? {
          start: input.quietHours.start,
          end: input.quietHours.end,
          timeZone: input.quietHours.timeZone,
        }
      : null,
    emergencyBypassesQuietHours: input.emergencyBypassesQuietHours ?? false,
    allowedContentKinds: [...(input.allowedContentKinds ?? DEFAULT_ALLOWED_CONTENT_KINDS)].sort(),
    inboundRetentionDays: input.inboundRetentionDays ?? DEFAULT_INBOUND_RETENTION_DAYS,
    // Stored only when given, so policies without the emergency path stay exactly as they were.
    ...(input.emergency
      ? {
          emergency: {
            singleApproval: input.emergency.singleApproval,
            onCallApproverIds: [...input.emergency.onCallApproverIds].sort(),
            retrospectiveReviewHours: input.emergency.retrospectiveReviewHours,
          },
        }
      : {}),
  };
  const problems = policyProblems(policy, kind);
  if (problems.length > 0) throw ChannelErrors.invalidPolicy(problems);
  return policy;
}

const auditActor = (actor: Actor | 'system'): AuditActor =>
  actor === 'system' ? { kind: 'system', reason: 'demo-seed' } : { kind: 'staff', id: actor.id };

/** Channels (one WhatsApp number each) and their governance policies. */
@Injectable()
export class ChannelsService {
  private readonly recent = new TtlCache<ChannelView>(2_000);
  private readonly logger = new Logger('Channels');

  constructor(
    private readonly channels: ChannelsRepository,
    private readonly organisation: OrganisationService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<ChannelView[]> {
    return (await this.channels.list()).map(channelView);
  }

  /**
   * A channel, remembered for two seconds because every draft reads one. A policy change made
   * here applies at once on this instance and within two seconds on others; sign-off itself
   * always reads the policy fresh, with the message.
   */
  async get(id: string): Promise<ChannelView> {
    const known = this.recent.get(id);
    if (known) return known;
    const channel = await this.channels.findById(id);
    if (!channel) throw ChannelErrors.notFound();
    const view = channelView(channel);
    this.recent.set(id, view);
    return view;
  }

  async create(actor: Actor | 'system', input: CreateChannelDto): Promise<ChannelView> {
    if (input.kind === 'service' && !input.serviceId) throw ChannelErrors.serviceRequired();
    if (input.kind === 'corporate' && input.serviceId) throw ChannelErrors.serviceForbidden();
    const policy = toPolicy(input.policy, input.kind);
    await this.checkOnCallApprovers(policy, input.kind, input.serviceId ?? null);
    return this.uow.run(async () => {
      if (input.serviceId) {
        if (!(await this.organisation.serviceExists(input.serviceId))) {
          throw ChannelErrors.unknownService();
        }
      }
      if (await this.channels.findByName(input.name)) throw ChannelErrors.nameTaken();
      if (await this.channels.findByPhoneNumberId(input.whatsapp.phoneNumberId)) {
        throw ChannelErrors.numberTaken();
      }
      const channel = await this.channels.insert({
        name: input.name,
        kind: input.kind,
        serviceId: input.serviceId ?? null,
        phoneNumberId: input.whatsapp.phoneNumberId,
        displayPhoneNumber: input.whatsapp.displayPhoneNumber,
        policy,
        provider: CLOUD_API_PROVIDER_NAME,
        sendingPausedAt: null,
        sendingPausedCode: null,
        sendingPausedReason: null,
        throughputPerSecond: DEFAULT_THROUGHPUT,
        nextSendSlotAt: null,
      });
      await this.audit.record({
        type: 'channel.created',
        actor: auditActor(actor),
        subject: {
          channelId: channel.id,
          ...(channel.serviceId ? { serviceId: channel.serviceId } : {}),
        },
        data: {
          name: channel.name,
          kind: channel.kind,
          phoneNumberId: channel.phoneNumberId,
          policy,
        },
      });
      return channelView(channel);
    });
  }

  async replacePolicy(actor: Actor, id: string, input: GovernancePolicyDto): Promise<ChannelView> {
    return this.uow.run(async () => {
      const channel = await this.channels.findById(id);
      if (!channel) throw ChannelErrors.notFound();
      const before = channel.policy;
      channel.policy = toPolicy(input, channel.kind);
      await this.checkOnCallApprovers(channel.policy, channel.kind, channel.serviceId);
      const saved = await this.channels.save(channel);
      this.recent.delete(id);
      await this.audit.record({
        type: 'channel.policy_changed',
        actor: { kind: 'staff', id: actor.id },
        subject: { channelId: id },
        data: { before, after: saved.policy },
      });
      return channelView(saved);
    });
  }

  /**
   * Everyone on call for the emergency path must be able to sign off on this channel under this
   * policy: an active member of staff holding one of its approver roles (a service manager of
   * the channel's own service). Otherwise an emergency would wait for someone who cannot act.
   */
  private async checkOnCallApprovers(
    policy: GovernancePolicy,
    kind: ChannelKind,
    serviceId: string | null,
  ): Promise<void> {
    const problems: string[] = [];
    for (const id of policy.emergency?.onCallApproverIds ?? []) {
      const staff = await this.organisation.getStaff(id).catch(() => null);
      if (!staff?.active) {
        problems.push(`on-call approver ${id} is not an active member of staff`);
      } else if (approvalRefusal(staff, { id: '', kind, serviceId, policy }, [])) {
        problems.push(`on-call approver ${staff.name} cannot sign off on this channel`);
      }
    }
    if (problems.length > 0) throw ChannelErrors.invalidPolicy(problems);
  }

  /**
   * Stops all sending on a channel after a failure that would hit every send (an expired token,
   * a missing permission, a restricted account), and raises the alert: an audit event and an
   * error in the log. Pausing an already paused channel changes nothing.
   */
  async pauseSending(id: string, failure: { code: string; reason: string }): Promise<void> {
    const paused = await this.uow.run(async () => {
      const changed = await this.channels.pauseSending(id, failure.code, failure.reason);
      if (changed) {
        await this.audit.record({
          type: 'channel.sending_paused',
          actor: { kind: 'system', reason: 'dispatcher' },
          subject: { channelId: id },
          data: { code: failure.code, reason: failure.reason },
        });
      }
      return changed;
    });
    this.recent.delete(id);
    if (paused) {
      this.logger.error(
        `ALERT: sending on channel ${id} is paused (WhatsApp code ${failure.code}): ${failure.reason}`,
      );
    }
  }

  async resumeSending(actor: Actor, id: string): Promise<ChannelView> {
    return this.uow.run(async () => {
      const channel = await this.channels.findById(id);
      if (!channel) throw ChannelErrors.notFound();
      if (channel.sendingPausedAt === null) throw ChannelErrors.notPaused();
      const { sendingPausedCode: code } = channel;
      channel.sendingPausedAt = null;
      channel.sendingPausedCode = null;
      channel.sendingPausedReason = null;
      const saved = await this.channels.save(channel);
      this.recent.delete(id);
      await this.audit.record({
        type: 'channel.sending_resumed',
        actor: { kind: 'staff', id: actor.id },
        subject: { channelId: id },
        data: { pausedCode: code },
      });
      return channelView(saved);
    });
  }

  /** The channel as the dispatcher needs it, read fresh: a pause must be seen at once. */
  async sendingState(id: string): Promise<ChannelEntity> {
    const channel = await this.channels.findById(id);
    if (!channel) throw ChannelErrors.notFound();
    return channel;
  }

  /** Which channel each of these WhatsApp phone-number ids belongs to. */
  idsByPhoneNumberId(phoneNumberIds: string[]): Promise<Map<string, string>> {
    return this.channels.idsByPhoneNumberId(phoneNumberIds);
  }

  reserveSendSlots(id: string, count: number): Promise<{ firstAt: Date; perSecond: number }> {
    return this.channels.reserveSendSlots(id, count);
  }

  /** Meta answered 130429 (throughput reached): every process sending on it pauses a moment. */
  async throttled(id: string): Promise<void> {
    await this.channels.delaySendSlots(id, THROTTLE_PAUSE_MS);
  }

  async setThroughput(actor: Actor, id: string, perSecond: number): Promise<ChannelView> {
    return this.uow.run(async () => {
      const channel = await this.channels.findById(id);
      if (!channel) throw ChannelErrors.notFound();
      const before = channel.throughputPerSecond;
      channel.throughputPerSecond = perSecond;
      const saved = await this.channels.save(channel);
      this.recent.delete(id);
      await this.audit.record({
        type: 'channel.throughput_changed',
        actor: { kind: 'staff', id: actor.id },
        subject: { channelId: id },
        data: { before, after: perSecond },
      });
      return channelView(saved);
    });
  }
}
