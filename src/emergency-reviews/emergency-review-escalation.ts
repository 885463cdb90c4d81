import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { EmergencyReviewsService } from './emergency-reviews.service.js';

/** Every process runs it; the conditional update lets one of them escalate each review. */
@Injectable()
export class EmergencyReviewEscalation {
  private readonly logger = new Logger('EmergencyReviews');

  constructor(private readonly reviews: EmergencyReviewsService) {}

  @Cron('*/2 * * * *', { name: 'emergency-review-escalation' })
  async run(): Promise<void> {
    try {
      await this.reviews.escalateOverdue();
    } catch (error) {
      this.logger.error(`Escalating overdue emergency reviews failed: ${(error as Error).message}`);
    }
  }
}
