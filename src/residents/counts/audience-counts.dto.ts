import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { AUDIENCE_CODE } from '../../audience/dto/audience.dto.js';

/** `a,b,c` in a query string as a list; anything else is left for validation to refuse. */
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((code) => code.trim()) : value;

export class AudienceReachQueryDto {
  @ApiProperty({ description: 'area codes, comma-separated', example: 'northfield,southbank' })
  @Transform(commaList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(AUDIENCE_CODE, { each: true, message: 'each area must be an area code' })
  areas: string[];

  @ApiProperty({ description: 'topic codes, comma-separated', example: 'gritting' })
  @Transform(commaList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(AUDIENCE_CODE, { each: true, message: 'each topic must be a topic code' })
  topics: string[];
}

export class CostEstimateView {
  @ApiProperty({ example: 'GBP' }) currency: string;
  @ApiProperty({ example: 0.0158 }) perMessage: number;
  @ApiProperty({ description: 'an illustrative price: the simulator is in use' }) example: boolean;
  @ApiProperty({ example: 195.05 }) total: number;
}

export class AudienceReachView {
  @ApiProperty({ description: 'active, not suppressed, in any of the areas and any of the topics' })
  residents: number;
  @ApiProperty({
    type: CostEstimateView,
    nullable: true,
    description: 'null until WHATSAPP_TEMPLATE_PRICE is set',
  })
  estimatedCost: CostEstimateView | null;
}

export class CodeCountView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() residents: number;
}

export class ResidentCountsView {
  @ApiProperty({ description: 'residents an alert could reach: active and not suppressed' })
  total: number;
  @ApiProperty({ type: [CodeCountView] }) byArea: CodeCountView[];
  @ApiProperty({ type: [CodeCountView] }) byTopic: CodeCountView[];
}
