import { Controller, Get } from '@nestjs/common';
import { ConsolePage } from '../../auth/access.decorators.js';
import { AudienceCounts } from '../../residents/counts/audience-counts.service.js';
import { page, type Page } from '../../web/page.js';

/** Residents: how many an alert could reach, and the admin's tasks about them. */
@Controller('console/residents')
export class ResidentsPageController {
  constructor(private readonly counts: AudienceCounts) {}

  @Get()
  @ConsolePage('admin')
  async index(): Promise<Page> {
    return page('console/residents/index', { counts: await this.counts.summary() });
  }
}
