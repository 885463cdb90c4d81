import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../organisation/actor.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { errorsByField, expectedRefusal, type FormBody, type FormProblem } from './forms.js';
import { parseServiceForm } from './simple-forms.js';

/** Services (departments): the list and the form to add one. */
@Controller('console/settings/services')
export class ServicesPageController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get()
  @ConsolePage('admin')
  list(@Query('added') added?: string): Promise<Page> {
    return this.render('', [], added);
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

  private async render(name: string, problems: FormProblem[], added?: string): Promise<Page> {
    const services = await this.organisation.listServices();
    return page('console/settings/services', {
      services,
      // Only a name on the list: the query string cannot make the page say anything else.
      added: services.find((service) => service.name === added)?.name,
      values: { name },
      problems,
      errors: errorsByField(problems),
    });
  }
}
