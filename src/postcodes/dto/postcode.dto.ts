import { ApiProperty } from '@nestjs/swagger';

export class PostcodeAreaView {
  @ApiProperty({ example: 'northfield' }) code: string;
  @ApiProperty({ example: 'Northfield' }) name: string;
}

export class PostcodeView {
  @ApiProperty({ example: 'EB1 1AA', description: 'normalised: upper case, one space' })
  postcode: string;

  @ApiProperty({ type: PostcodeAreaView }) area: PostcodeAreaView;
}

export class PostcodeImportErrorView {
  @ApiProperty({ description: 'the line of the file, the header being line 1' }) line: number;

  @ApiProperty({
    enum: [
      'MALFORMED_LINE',
      'MISSING_COLUMN',
      'INVALID_POSTCODE',
      'UNKNOWN_AREA',
      'DUPLICATE_IN_IMPORT',
    ],
  })
  code: string;

  @ApiProperty() message: string;
}

export class PostcodeImportResultView {
  @ApiProperty({ description: 'lines added or replacing an earlier mapping' }) imported: number;
  @ApiProperty({ description: 'lines not imported' }) invalid: number;

  @ApiProperty({
    type: [PostcodeImportErrorView],
    description: 'the first 1,000 lines not imported, in file order',
  })
  errors: PostcodeImportErrorView[];
}
