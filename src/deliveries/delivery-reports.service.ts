import { Injectable } from '@nestjs/common';
import { type FailureGroup, DeliveryReportRepository } from './delivery-report.repository.js';
import { bucketSecondsFor, cumulativeFunnel, type FunnelPoint } from './delivery-timeline.js';

export interface DeliveryReport {
  /** The width of each interval of the funnel, chosen to keep it to 60 points at most. */
  intervalSeconds: number;
  funnel: FunnelPoint[];
  failures: FailureGroup[];
}

/** What a delivery page shows beyond the counts: how the sends progressed, and what failed. */
@Injectable()
export class DeliveryReports {
  constructor(private readonly reports: DeliveryReportRepository) {}

  async of(messageId: string): Promise<DeliveryReport> {
    const span = await this.reports.span(messageId);
    if (!span) return { intervalSeconds: 1, funnel: [], failures: [] };
    const intervalSeconds = bucketSecondsFor((span.last.getTime() - span.first.getTime()) / 1000);
    const [counts, failures] = await Promise.all([
      this.reports.stageCounts(messageId, intervalSeconds),
      this.reports.failures(messageId),
    ]);
    return { intervalSeconds, funnel: cumulativeFunnel(counts, intervalSeconds), failures };
  }
}
