import { Module } from '@nestjs/common';
import { EmergencyReviewsModule } from '../../emergency-reviews/emergency-reviews.module.js';
import { EmergencyReviewsPageController } from './emergency-reviews-page.controller.js';

/** The emergency reviews pages, on the reviews module's service. */
@Module({
  imports: [EmergencyReviewsModule],
  controllers: [EmergencyReviewsPageController],
})
export class ConsoleEmergencyModule {}
