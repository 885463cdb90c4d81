import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/access.decorators.js';
import type { Actor } from '../organisation/actor.js';
import { RetentionReportView } from './dto/retention-report.dto.js';
import { RetentionService } from './retention.service.js';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/v1/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Post('run')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Run the retention jobs now (they also run daily at 03:30 UK time)' })
  run(@CurrentActor() actor: Actor): Promise<RetentionReportView> {
    return this.retention.runNow({ kind: 'staff', id: actor.id });
  }
}
