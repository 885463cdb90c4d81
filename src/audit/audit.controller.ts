import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditEventPageView, AuditEventsQueryDto } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly query: AuditQueryService) {}

  @Get('events')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Search the audit log: filters and keyset pagination by seq' })
  events(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageView> {
    return this.query.search(query);
  }
}
