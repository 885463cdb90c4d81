import { ApiProperty } from '@nestjs/swagger';

/** What one retention run removed. */
export class RetentionReportView {
  @ApiProperty({ description: "Residents' messages whose text was deleted" })
  inboundContentDeleted: number;

  @ApiProperty({ description: 'Webhook callbacks that failed processing 5 times, deleted' })
  stuckCallbacksDeleted: number;

  @ApiProperty({ description: 'Delivery rows of finished sends deleted' })
  deliveriesDeleted: number;

  @ApiProperty({ description: 'Delivery receipts deleted (with their delivery, or never matched)' })
  receiptsDeleted: number;

  @ApiProperty({ format: 'date-time' })
  ranAt: string;
}
