import { ApiProperty } from '@nestjs/swagger';

export class PollOptionResultView {
  @ApiProperty({ description: "the option's position, from 0" }) index: number;
  @ApiProperty() option: string;
  @ApiProperty() answers: number;
  @ApiProperty({ description: 'share of all answers, 0 to 1' }) share: number;
}

export class PollAreaResultView {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'null: residents no longer in any of its areas',
  })
  areaCode: string | null;
  @ApiProperty() areaName: string;
  @ApiProperty() answers: number;
  @ApiProperty({ type: [PollOptionResultView] }) options: PollOptionResultView[];
}

export class PollResultsView {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ description: 'residents who answered; each counts once, by their latest tap' })
  answers: number;
  @ApiProperty({ type: [PollOptionResultView] }) options: PollOptionResultView[];
  @ApiProperty({
    type: [PollAreaResultView],
    description: 'a resident in two of the areas counts in both',
  })
  byArea: PollAreaResultView[];
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ description: 'the closing time has passed: later taps do not count' })
  closed: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'when the final tallies were recorded in the audit log',
  })
  finalisedAt: string | null;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}
