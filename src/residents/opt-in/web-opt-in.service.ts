import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AudienceService } from '../../audience/audience.service.js';
import { ChannelsService } from '../../channels/channels.service.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../../jobs/job-queue.js';
import { normalisePhoneNumber } from '../../phone-numbers/phone-number.js';
import { PhoneVault } from '../../phone-numbers/phone-vault.js';
import { PostcodeLookup } from '../../postcodes/postcode-lookup.js';
import { OptInErrors } from './opt-in.errors.js';
import { OptInRateLimits } from './opt-in-rate-limits.js';
import type { SubscriptionRequestDto } from './subscription-request.dto.js';
import { SubscriptionRequestsRepository } from './subscription-requests.repository.js';

/** How long a resident has to confirm on WhatsApp. */
export const REQUEST_LIFETIME_HOURS = 48;

/** The confirmation job names only the request: pg-boss's tables are not sealed. */
export interface ConfirmationJob {
  requestId: string;
}

/**
 * Takes a web opt-in request: checks it, stores it as pending and queues the WhatsApp message
 * that asks the resident to confirm. The answer is the same whether or not the number is
 * subscribed or suppressed already, so the API tells a stranger nothing about a number.
 */
@Injectable()
export class WebOptInService {
  constructor(
    private readonly requests: SubscriptionRequestsRepository,
    private readonly postcodes: PostcodeLookup,
    private readonly audience: AudienceService,
    private readonly channels: ChannelsService,
    private readonly limits: OptInRateLimits,
    private readonly vault: PhoneVault,
    private readonly uow: UnitOfWork,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(
    body: SubscriptionRequestDto,
    clientIp: string,
  ): Promise<{ status: 'pending'; expiresAt: string }> {
    const now = this.clock.now();
    // The IP is kept only as a keyed hash (evidence, and the limiter's key); never in clear.
    const ipHash = this.ipHash(clientIp);
    if (!(await this.limits.allowIp(ipHash))) throw OptInErrors.rateLimited();
    const phone = normalisePhoneNumber(body.phone);
    if (!phone) throw OptInErrors.invalidPhone();
    const phoneHash = this.vault.lookupHash(phone);
    if (!(await this.limits.allowNumber(phoneHash))) throw OptInErrors.rateLimited();
    const areaCode = await this.postcodes.areaFor(body.postcode);
    if (!areaCode) throw OptInErrors.unknownPostcode();
    await this.audience.requireKnown([], body.topics);
    const channel = (await this.channels.list()).find((c) => c.kind === 'corporate');
    if (!channel) throw OptInErrors.noCorporateChannel();

    const expiresAt = new Date(now.getTime() + REQUEST_LIFETIME_HOURS * 3_600_000);
    await this.uow.run(async () => {
      const requestId = await this.requests.replacePending({
        phoneSealed: this.vault.encrypt(phone),
        phoneHash,
        channelId: channel.id,
        areaCode,
        topicCodes: body.topics,
        privacyNoticeVersion: body.privacyNoticeVersion,
        requestIpHash: ipHash,
        language: body.language ?? 'en',
        expiresAt,
      });
      // Sent by a worker after this commits: the request never waits on WhatsApp.
      const job: ConfirmationJob = { requestId };
      await this.jobs.enqueueInTransaction(QUEUES.subscriptionConfirmation, job);
    });
    return { status: 'pending', expiresAt: expiresAt.toISOString() };
  }

  /**
   * Keyed like phone numbers (an IPv4 address has too few values for a plain hash to hide it),
   * with a prefix so that an IP's hash can never equal a number's.
   */
  private ipHash(ip: string): string {
    const prefixed = createHash('sha256').update(`ip:${ip}`).digest('hex');
    return this.vault.lookupHash(prefixed as Parameters<PhoneVault['lookupHash']>[0]);
  }
}
