import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyStaff, CurrentActor, Roles } from '../auth/access.decorators.js';
import type { Actor } from '../organisation/actor.js';
import { PostcodeImportResultView, PostcodeView } from './dto/postcode.dto.js';
import { PostcodesService } from './postcodes.service.js';

@ApiTags('postcodes')
@ApiBearerAuth()
@Controller('api/v1/postcodes')
export class PostcodesController {
  constructor(private readonly postcodes: PostcodesService) {}

  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Import a postcode-to-area mapping from CSV',
    description:
      'A header line naming the columns "postcode" and "area" (others are ignored), then one postcode per line. ' +
      "Valid lines are added or replace the postcode's area; the rest are reported by line number. Up to 5 MiB.",
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'postcode,area\r\nEB1 1AA,northfield\r\n' } })
  importCsv(
    @CurrentActor() actor: Actor,
    // Typed unknown so validation leaves it alone: the service checks it is CSV text.
    @Body() body: unknown,
  ): Promise<PostcodeImportResultView> {
    return this.postcodes.importCsv({ kind: 'staff', id: actor.id }, body);
  }

  @Get(':postcode')
  @AnyStaff()
  @ApiOperation({ summary: 'The area a postcode is in', description: 'Any spacing or case.' })
  find(@Param('postcode') postcode: string): Promise<PostcodeView> {
    return this.postcodes.find(postcode);
  }
}
