import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { EmergencyReviewEscalation } from './emergency-review-escalation.js';
import { EmergencyReviewsController } from './emergency-reviews.controller.js';
import { EmergencyReviewsRepository } from './emergency-reviews.repository.js';
import { EmergencyReviewsService } from './emergency-reviews.service.js';

/**
 * Retrospective reviews of the emergency path (README, "Emergency path"). Sign-off opens them
 * (EmergencyReviewsService.open, in the approval's transaction); this module lists, completes
 * and escalates them.
 */
@Module({
  imports: [AuditModule],
  controllers: [EmergencyReviewsController],
  providers: [EmergencyReviewsRepository, EmergencyReviewsService, EmergencyReviewEscalation],
  exports: [EmergencyReviewsService],
})
export class EmergencyReviewsModule {}
