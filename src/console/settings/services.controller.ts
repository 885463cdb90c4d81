import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../organisation/actor.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { errorsByField, expectedRefusal, type FormBody, type FormProblem } from './forms.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import { OrganisationErrors } from '../../organisation/organisation.errors.js';
import { parseRenameForm, parseServiceForm } from './simple-forms.js';

/** Services (departments): the list and the form to add one. */
@Controller('console/settings/services')
export class ServicesPageController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get()
  @ConsolePage('admin')
  list(@Query('added') added?: string, @Query('renamed') renamed?: string): Promise<Page> {
    return this.render('', [], added, renamed);
  }

  @Get(':id')
  @ConsolePage('admin')
  renameForm(@Param('id', UuidParam) id: string): Promise<Page> {
    return this.renderRename(id);
  }

  @Post(':id')
  @HttpCode(200)
  @ConsolePage('admin')
  async rename(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: FormBody,
  ): Promise<Page> {
    const { name, problems } = parseRenameForm(body, 'service');
    if (problems.length > 0) return this.renderRename(id, name, problems);
    try {
      await this.organisation.renameService(actor, id, name);
    } catch (error) {
      const refusal = expectedRefusal(error, { SERVICE_NAME_TAKEN: '#name' });
      if (!refusal) throw error;
      return this.renderRename(id, name, [refusal]);
    }
    throw new SeeOther(`/console/settings/services?renamed=${id}`);
  }

  @Post()
  @HttpCode(200)
  @ConsolePage('admin')
  async create(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    const { name, problems } = parseServiceForm(body);
    if (problems.length > 0) return this.render(name, problems);
    try {
      await this.organisation.createService(actor, name);
    } catch (error) {
      const refusal = expectedRefusal(error, { SERVICE_NAME_TAKEN: '#name' });
      if (!refusal) throw error;
      return this.render(name, [refusal]);
    }
    throw new SeeOther(`/console/settings/services?added=${encodeURIComponent(name)}`);
  }

  private async renderRename(id: string, name?: string, problems: FormProblem[] = []) {
    const service = (await this.organisation.listServices()).find((s) => s.id === id);
    if (!service) throw OrganisationErrors.serviceNotFound();
    return page('console/settings/rename', {
      noun: 'service',
      current: service.name,
      action: `/console/settings/services/${id}`,
      back: { text: 'Back to services', href: '/console/settings/services' },
      values: { name: name ?? service.name },
      problems,
      errors: errorsByField(problems),
    });
  }

  private async render(
    name: string,
    problems: FormProblem[],
    added?: string,
    renamed?: string,
  ): Promise<Page> {
    const services = await this.organisation.listServices();
    return page('console/settings/services', {
      services,
      // Only a name on the list: the query string cannot make the page say anything else.
      added: services.find((service) => service.name === added)?.name,
      renamed: services.find((service) => service.id === renamed)?.name,
      values: { name },
      problems,
      errors: errorsByField(problems),
    });
  }
}
