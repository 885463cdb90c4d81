import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

/** A large council's whole list in one request: reconciling in parts would unsubscribe wrongly. */
export const MAX_MASTER_LIST_PHONES = 100_000;

export class MasterListDto {
  @ApiProperty({
    type: [String],
    example: ['+447700900123', '07700 900124'],
    description:
      "every number on the council's current master list; UK numbers may be written nationally",
    minItems: 1,
    maxItems: MAX_MASTER_LIST_PHONES,
  })
  @IsArray()
  // An empty list would mark every subscriber for unsubscription: refused as a mistake.
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MASTER_LIST_PHONES)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  phones: string[];
}

export class MasterListErrorView {
  @ApiProperty({ description: 'the entry\'s position in "phones", from 0' }) index: number;
  @ApiProperty({ example: 'INVALID_PHONE_NUMBER' }) code: string;
}

export class ReconciliationView {
  @ApiProperty() id: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'confirm before then, or upload the list again' }) expiresAt: string;
  @ApiProperty({ description: 'entries on the list' }) listed: number;
  @ApiProperty({ description: 'entries that are not a valid number' }) invalidCount: number;
  @ApiProperty({ description: 'active subscribers when the list was compared' })
  activeSubscribers: number;
  @ApiProperty({ description: 'active subscribers absent from the list' }) toUnsubscribe: number;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'unsubscribed on confirmation (those who left or re-chose since are not counted)',
  })
  unsubscribed: number | null;
}

export class ReconciliationReportView extends ReconciliationView {
  @ApiProperty({ type: [MasterListErrorView], description: 'entries that are not a valid number' })
  invalid: MasterListErrorView[];
  @ApiProperty({
    type: [String],
    example: ['+44 ••••••• 456'],
    description: 'up to five of the residents to unsubscribe, masked, for a sanity check',
  })
  sample: string[];
}

export class ReconciliationListView {
  @ApiProperty({ type: [ReconciliationView], description: 'newest first, the last 100' })
  items: ReconciliationView[];
  @ApiProperty({ nullable: true, type: String }) lastConfirmedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '30 days after the last confirmed reconciliation; null if none ever was',
  })
  dueBy: string | null;
  @ApiProperty({ description: 'no reconciliation was confirmed in the last 30 days' })
  overdue: boolean;
}
