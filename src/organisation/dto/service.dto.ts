import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateServiceDto {
  @ApiProperty({ example: 'Highways', minLength: 1, maxLength: 120 })
  @IsString()
  @Length(1, 120)
  name: string;
}

export class ServiceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ServiceListView {
  @ApiProperty({ type: [ServiceView] }) items: ServiceView[];
}
