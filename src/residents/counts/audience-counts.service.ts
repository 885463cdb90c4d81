import { Inject, Injectable } from '@nestjs/common';
import { AudienceService } from '../../audience/audience.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AudienceCountsRepository } from './audience-counts.repository.js';
import { estimatedCost } from './estimated-cost.js';
import type { AudienceReachView, ResidentCountsView } from './audience-counts.dto.js';

/**
 * How many residents an alert would reach and what it would cost, before anyone approves it;
 * and how many residents each area and topic has. Counts are of residents who would be sent an
 * alert now: active and not suppressed.
 */
@Injectable()
export class AudienceCounts {
  constructor(
    private readonly counts: AudienceCountsRepository,
    private readonly audience: AudienceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reach(audience: { areas: string[]; topics: string[] }): Promise<AudienceReachView> {
    await this.audience.requireKnown(audience.areas, audience.topics);
    const residents = await this.counts.reach(audience.areas, audience.topics);
    return { residents, estimatedCost: estimatedCost(residents, this.config.whatsapp.pricing) };
  }

  async summary(): Promise<ResidentCountsView> {
    const [areas, topics, counts] = await Promise.all([
      this.audience.list('area'),
      this.audience.list('topic'),
      this.counts.summary(),
    ]);
    return {
      total: counts.total,
      byArea: areas.map((a) => ({
        code: a.code,
        name: a.name,
        residents: counts.byArea.get(a.code) ?? 0,
      })),
      byTopic: topics.map((t) => ({
        code: t.code,
        name: t.name,
        residents: counts.byTopic.get(t.code) ?? 0,
      })),
    };
  }
}
