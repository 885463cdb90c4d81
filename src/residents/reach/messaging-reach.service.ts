import { Inject, Injectable } from '@nestjs/common';
import { conflict } from '../../common/errors/crier-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { exceedsMessagingLimit } from './messaging-limit.js';
import { MessagingReachRepository } from './messaging-reach.repository.js';

/**
 * Keeps alerts within WhatsApp's messaging limit: an alert that would take the portfolio over
 * it is refused when it is signed off, with the numbers, rather than half-sent.
 */
@Injectable()
export class MessagingReach {
  constructor(
    private readonly reach: MessagingReachRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertWithinLimit(audience: { areas: string[]; topics: string[] }): Promise<void> {
    const limit = this.config.whatsapp.messagingLimit;
    if (limit === null) return;
    const reach = await this.reach.reach(audience);
    if (!exceedsMessagingLimit(limit, reach)) return;
    throw conflict(
      'MESSAGING_LIMIT_EXCEEDED',
      `This alert would reach ${reach.alertWouldAdd} residents outside their 24-hour window on top of ` +
        `${reach.alreadyReached} already reached in the last 24 hours, over WhatsApp's limit of ` +
        `${limit} for the council. Narrow the audience, or approve it later.`,
      { limit, alreadyReached: reach.alreadyReached, alertWouldAdd: reach.alertWouldAdd },
    );
  }
}
