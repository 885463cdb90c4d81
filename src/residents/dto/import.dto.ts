import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** The most entries one import takes; a bigger list is sent in several requests. */
export const MAX_IMPORT_ROWS = 10_000;

/*
 * The body's shape (types, sizes, no unknown fields) is checked here and a wrong shape refuses
 * the whole import with 400. Each entry's content (a valid number, known codes, complete consent)
 * is checked row by row, so every field is optional here: a missing one is that row's error.
 */

export class ImportConsentDto {
  @ApiProperty({ example: 'paper form at Crewe library', description: 'how consent was captured' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;

  @ApiProperty({
    example: '2024-05-01T10:30:00+01:00',
    description: 'an ISO 8601 date, or date and time with offset; not in the future',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  capturedAt?: string;

  @ApiProperty({ example: 'Form 118, kept in the Customer Services archive' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  evidence?: string;
}

export class ImportSubscriberDto {
  @ApiProperty({ example: '+447700900123', description: 'UK numbers may be written nationally' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  phone?: string;

  @ApiProperty({ type: [String], example: ['northfield'], description: 'area codes, at least one' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  areas?: string[];

  @ApiProperty({ type: [String], example: ['gritting'], description: 'topic codes, at least one' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  topics?: string[];

  @ApiProperty({ type: ImportConsentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImportConsentDto)
  consent?: ImportConsentDto;
}

export class ImportSubscribersDto {
  @ApiProperty({ type: [ImportSubscriberDto], minItems: 1, maxItems: MAX_IMPORT_ROWS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ImportSubscriberDto)
  subscribers: ImportSubscriberDto[];
}

export class ImportErrorView {
  @ApiProperty({ description: 'the entry\'s position in "subscribers", from 0' }) index: number;
  @ApiProperty({
    example: 'UNKNOWN_AREA',
    description:
      'INVALID_PHONE_NUMBER, NO_AREAS, NO_TOPICS, UNKNOWN_AREA, UNKNOWN_TOPIC, CONSENT_INCOMPLETE, INVALID_CONSENT_DATE, CONSENT_DATE_IN_FUTURE, DUPLICATE_IN_IMPORT (invalid); SUPPRESSED, ALREADY_SUBSCRIBED (skipped)',
  })
  code: string;
  @ApiProperty() message: string;
}

export class ImportResultView {
  @ApiProperty({ description: 'entries that became active subscribers' }) imported: number;
  @ApiProperty({ description: 'valid entries left out: the number is suppressed or subscribed' })
  skipped: number;
  @ApiProperty({ description: 'entries refused for their content' }) invalid: number;
  @ApiProperty({
    type: [ImportErrorView],
    description: 'every entry not imported (skipped or invalid), by index',
  })
  errors: ImportErrorView[];
}
