import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import type { Actor } from '../../organisation/actor.js';
import type { ServiceView, StaffView } from '../../organisation/dto/index.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { ROLES } from '../../organisation/role.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { errorsByField, expectedRefusal, type FormBody, type FormProblem } from './forms.js';
import { parseStaffForm, ROLE_DESCRIPTIONS, roleName, type StaffFormValues } from './staff-form.js';

const BLANK: StaffFormValues = { name: '', email: '', roles: [], serviceIds: [] };
const REFUSALS = {
  STAFF_EMAIL_TAKEN: '#email',
  UNKNOWN_SERVICE: '#serviceIds',
  LAST_ADMIN: '#roles',
};

/** The form's role and service checkboxes, in the shape govukCheckboxes takes. */
const roleItems = (checked: string[]) =>
  ROLES.map((role) => ({
    value: role,
    text: ROLE_DESCRIPTIONS[role].name,
    hint: { text: ROLE_DESCRIPTIONS[role].hint },
    checked: checked.includes(role),
  }));
const serviceItems = (services: ServiceView[], checked: string[]) =>
  services.map((service) => ({
    value: service.id,
    text: service.name,
    checked: checked.includes(service.id),
  }));

/** Staff: who they are, their roles and services; adding, changing, disabling. */
@Controller('console/settings/staff')
export class StaffPageController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get()
  @ConsolePage('admin')
  list(@Query('changed') changed?: string): Promise<Page> {
    return this.renderList(BLANK, [], changed);
  }

  @Post()
  @HttpCode(200)
  @ConsolePage('admin')
  async create(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    const services = await this.organisation.listServices();
    const { values, problems } = parseStaffForm(body, {
      withEmail: true,
      serviceIds: services.map((service) => service.id),
    });
    if (problems.length > 0) return this.renderList(values, problems);
    let created: StaffView;
    try {
      created = await this.organisation.createStaff(actor, values);
    } catch (error) {
      const refusal = expectedRefusal(error, REFUSALS);
      if (!refusal) throw error;
      return this.renderList(values, [refusal]);
    }
    throw new SeeOther(`/console/settings/staff?changed=${created.id}`);
  }

  @Get(':id')
  @ConsolePage('admin')
  async person(@Param('id', UuidParam) id: string): Promise<Page> {
    const person = await this.organisation.getStaff(id);
    return this.renderPerson(person, person, []);
  }

  @Post(':id')
  @HttpCode(200)
  @ConsolePage('admin')
  async change(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: FormBody,
  ): Promise<Page> {
    const person = await this.organisation.getStaff(id);
    const action = body.action;
    if (action === 'disable' || action === 'enable') {
      try {
        await this.organisation.updateStaff(actor, id, { active: action === 'enable' });
      } catch (error) {
        const refusal = expectedRefusal(error, { LAST_ADMIN: '#access' });
        if (!refusal) throw error;
        return this.renderPerson(person, person, [refusal]);
      }
      throw new SeeOther(`/console/settings/staff?changed=${id}`);
    }
    const services = await this.organisation.listServices();
    const { values, problems } = parseStaffForm(body, {
      withEmail: false,
      serviceIds: services.map((service) => service.id),
    });
    if (problems.length > 0) return this.renderPerson(person, values, problems);
    try {
      const { name, roles, serviceIds } = values;
      await this.organisation.updateStaff(actor, id, { name, roles, serviceIds });
    } catch (error) {
      const refusal = expectedRefusal(error, REFUSALS);
      if (!refusal) throw error;
      return this.renderPerson(person, values, [refusal]);
    }
    throw new SeeOther(`/console/settings/staff?changed=${id}`);
  }

  private async renderList(
    values: StaffFormValues,
    problems: FormProblem[],
    changedId?: string,
  ): Promise<Page> {
    const [staff, services] = await Promise.all([
      this.organisation.listStaff(),
      this.organisation.listServices(),
    ]);
    const serviceName = new Map(services.map((service) => [service.id, service.name]));
    return page('console/settings/staff', {
      staff: staff.map((person) => ({
        ...person,
        roleNames: person.roles.map(roleName),
        serviceNames: person.serviceIds.map((id) => serviceName.get(id) ?? id).sort(),
      })),
      changed: staff.find((person) => person.id === changedId),
      values,
      roleItems: roleItems(values.roles),
      serviceItems: serviceItems(services, values.serviceIds),
      problems,
      errors: errorsByField(problems),
    });
  }

  private async renderPerson(
    person: StaffView,
    values: Pick<StaffFormValues, 'name' | 'roles' | 'serviceIds'>,
    problems: FormProblem[],
  ): Promise<Page> {
    const services = await this.organisation.listServices();
    return page('console/settings/staff-person', {
      person,
      values,
      roleItems: roleItems(values.roles),
      serviceItems: serviceItems(services, values.serviceIds),
      problems,
      errors: errorsByField(problems),
    });
  }
}
