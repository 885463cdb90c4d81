import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { AuditLog } from './audit-log.service.js';
import { AuditEventPageView, AuditEventsQueryDto } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get('events')
  @Roles('auditor', 'admin')
  events(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageView> {
    return this.audit.list(query.afterSeq ?? 0, query.limit ?? 100);
  }
}
