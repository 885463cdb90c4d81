import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/access.decorators.js';
import type { Actor } from '../organisation/actor.js';
import { ImportResultView, ImportSubscribersDto } from './dto/import.dto.js';
import { SubscriberImportService } from './subscriber-import.service.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('api/v1/subscribers')
export class SubscribersController {
  constructor(private readonly imports: SubscriberImportService) {}

  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: "Import a council's existing opted-in list with its consent evidence",
    description:
      'Valid entries are imported; the rest are reported by index. A number already subscribed or suppressed is skipped.',
  })
  import(
    @CurrentActor() actor: Actor,
    @Body() body: ImportSubscribersDto,
  ): Promise<ImportResultView> {
    return this.imports.import(actor, body.subscribers);
  }
}
