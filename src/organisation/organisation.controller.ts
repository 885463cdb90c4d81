import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { UuidParam } from '../common/http/uuid-param.pipe.js';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyStaff, CurrentActor, Roles } from '../auth/access.decorators.js';
import type { Actor } from './actor.js';
import {
  CreateServiceDto,
  CreateStaffDto,
  MeView,
  ServiceListView,
  ServiceView,
  StaffListView,
  StaffView,
  UpdateStaffDto,
} from './dto/index.js';
import { OrganisationService } from './organisation.service.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/v1')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get('me')
  @AnyStaff()
  @ApiOperation({ summary: 'Who I am in Crier: roles and service memberships' })
  me(@CurrentActor() actor: Actor): MeView {
    const { id, email, name, roles, serviceIds } = actor;
    return { id, email, name, roles, serviceIds };
  }

  @Post('services')
  @Roles('admin')
  createService(
    @CurrentActor() actor: Actor,
    @Body() body: CreateServiceDto,
  ): Promise<ServiceView> {
    return this.organisation.createService(actor, body.name);
  }

  @Patch('services/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a service; its channels and staff stay with it' })
  renameService(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: CreateServiceDto,
  ): Promise<ServiceView> {
    return this.organisation.renameService(actor, id, body.name);
  }

  @Get('services')
  @AnyStaff()
  async listServices(): Promise<ServiceListView> {
    return { items: await this.organisation.listServices() };
  }

  @Post('staff')
  @Roles('admin')
  createStaff(@CurrentActor() actor: Actor, @Body() body: CreateStaffDto): Promise<StaffView> {
    return this.organisation.createStaff(actor, body);
  }

  @Get('staff')
  @Roles('admin')
  async listStaff(): Promise<StaffListView> {
    return { items: await this.organisation.listStaff() };
  }

  @Get('staff/:id')
  @Roles('admin')
  getStaff(@Param('id', UuidParam) id: string): Promise<StaffView> {
    return this.organisation.getStaff(id);
  }

  @Post('staff/:id/erasure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Erase a former staff member: personal data gone, audit chain intact' })
  eraseStaff(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<StaffView> {
    return this.organisation.eraseStaff(actor, id);
  }

  @Patch('staff/:id')
  @Roles('admin')
  updateStaff(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateStaffDto,
  ): Promise<StaffView> {
    return this.organisation.updateStaff(actor, id, body);
  }
}
