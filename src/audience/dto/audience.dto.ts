import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export const AUDIENCE_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

export class CreateAudienceEntryDto {
  @ApiProperty({ example: 'crewe', description: 'letters, digits, - and _; at most 40' })
  @Matches(AUDIENCE_CODE, { message: 'code must be 1-40 letters, digits, - or _' })
  code: string;

  @ApiProperty({ example: 'Crewe' })
  @IsString()
  @Length(1, 120)
  name: string;
}

export class RenameAudienceEntryDto {
  @ApiProperty({ example: 'Crewe North' })
  @IsString()
  @Length(1, 120)
  name: string;
}

export class AudienceEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class AudienceEntryListView {
  @ApiProperty({ type: [AudienceEntryView] }) items: AudienceEntryView[];
}
