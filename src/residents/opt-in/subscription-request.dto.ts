import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { OPT_IN_LANGUAGES, type OptInLanguage } from './confirmation-words.js';

/** A resident's request, from the council's web page, to get alerts for their area. */
export class SubscriptionRequestDto {
  @ApiProperty({ example: '07700 900123', description: 'UK numbers may be written nationally' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  phone: string;

  @ApiProperty({ example: 'NF1 2AB', description: 'mapped to an area by the imported postcodes' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  postcode: string;

  @ApiProperty({ type: [String], example: ['gritting'], description: 'topic codes, at least one' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[a-z0-9_-]{1,100}$/i, { each: true })
  topics: string[];

  @ApiProperty({ enum: [true], description: 'the resident ticked the consent box: must be true' })
  @Equals(true)
  consent: true;

  @ApiProperty({ example: '2025-01', description: 'the privacy notice the resident was shown' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  privacyNoticeVersion: string;

  @ApiPropertyOptional({
    enum: OPT_IN_LANGUAGES,
    default: 'en',
    description:
      'the language the resident asked in: the WhatsApp confirmation (the opt-in template in en_GB or cy) and the replies after it are in it',
  })
  // Left out means English; null or any other value is refused.
  @ValidateIf((body: SubscriptionRequestDto) => body.language !== undefined)
  @IsIn(OPT_IN_LANGUAGES)
  language?: OptInLanguage;
}

export class SubscriptionRequestAcceptedView {
  @ApiProperty({ enum: ['pending'] })
  status: 'pending';

  @ApiProperty({ format: 'date-time', description: 'confirm on WhatsApp before this' })
  expiresAt: string;
}
