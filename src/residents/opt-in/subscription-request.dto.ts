import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

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
}

export class SubscriptionRequestAcceptedView {
  @ApiProperty({ enum: ['pending'] })
  status: 'pending';

  @ApiProperty({ format: 'date-time', description: 'confirm on WhatsApp before this' })
  expiresAt: string;
}
