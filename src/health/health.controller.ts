import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DatabaseHealth } from '../database/database-health.js';
import { Public } from '../auth/access.decorators.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseHealth) {}

  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready when the database answers; a load balancer sends no traffic until then. */
  @Get('ready')
  @Public()
  async ready(): Promise<{ status: 'ok'; database: 'up' }> {
    if (!(await this.database.answers())) {
      throw new ServiceUnavailableException('The database does not answer.');
    }
    return { status: 'ok', database: 'up' };
  }
}
