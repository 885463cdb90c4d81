import { Module } from '@nestjs/common';
import { DeliveriesRepository } from './deliveries.repository.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryReportRepository } from './delivery-report.repository.js';
import { DeliveryReports } from './delivery-reports.service.js';

/** Sends to individual people and the receipts that say what became of them. */
@Module({
  providers: [DeliveriesRepository, DeliveriesService, DeliveryReportRepository, DeliveryReports],
  exports: [DeliveriesService, DeliveryReports],
})
export class DeliveriesModule {}
