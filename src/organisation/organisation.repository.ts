import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Role } from './role.js';
import { ServiceEntity } from './service.entity.js';
import { StaffEntity } from './staff.entity.js';

export interface ActorRecord {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  serviceIds: string[];
}

export interface StaffFields {
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  serviceIds: string[];
}

@Injectable()
export class OrganisationRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private services() {
    return this.uow.manager().getRepository(ServiceEntity);
  }

  private staff() {
    return this.uow.manager().getRepository(StaffEntity);
  }

  createService(name: string): Promise<ServiceEntity> {
    return this.services().save(this.services().create({ name }));
  }

  findServiceById(id: string): Promise<ServiceEntity | null> {
    return this.services().findOneBy({ id });
  }

  async renameService(id: string, name: string): Promise<void> {
    await this.services().update({ id }, { name });
  }

  findServiceByName(name: string): Promise<ServiceEntity | null> {
    return this.services().findOneBy({ name });
  }

  listServices(): Promise<ServiceEntity[]> {
    return this.services().find({ order: { name: 'ASC' } });
  }

  async existingServiceIds(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.services().findBy({ id: In(ids) });
    return found.map((service) => service.id);
  }

  /**
   * The signed-in person's record and memberships in one round trip: this runs on every
   * authenticated request.
   */
  findActorRecord(email: string): Promise<ActorRecord | null> {
    return this.actorRecordWhere('s.email = $1', email);
  }

  findActorRecordById(id: string): Promise<ActorRecord | null> {
    return this.actorRecordWhere('s.id = $1', id);
  }

  private async actorRecordWhere(
    condition: 's.email = $1' | 's.id = $1',
    value: string,
  ): Promise<ActorRecord | null> {
    const [row] = await this.uow.manager().query<
      {
        id: string;
        email: string;
        name: string;
        roles: Role[];
        active: boolean;
        service_ids: string[];
      }[]
    >(
      `SELECT s.id, s.email, s.name, s.roles, s.active,
              COALESCE(array_agg(m.service_id::text ORDER BY m.service_id)
                       FILTER (WHERE m.service_id IS NOT NULL), '{}') AS service_ids
         FROM staff s LEFT JOIN staff_services m ON m.staff_id = s.id
        WHERE ${condition}
        GROUP BY s.id`,
      [value],
    );
    if (!row) return null;
    const { service_ids: serviceIds, ...rest } = row;
    return { ...rest, serviceIds };
  }

  findStaffByEmail(email: string): Promise<StaffEntity | null> {
    return this.staff().findOne({ where: { email }, relations: { services: true } });
  }

  findStaffById(id: string): Promise<StaffEntity | null> {
    return this.staff().findOne({ where: { id }, relations: { services: true } });
  }

  listStaff(): Promise<StaffEntity[]> {
    return this.staff().find({ relations: { services: true }, order: { email: 'ASC' } });
  }

  async saveStaff(existing: StaffEntity | null, fields: StaffFields): Promise<StaffEntity> {
    const entity = existing ?? this.staff().create();
    entity.email = fields.email;
    entity.name = fields.name;
    entity.roles = fields.roles;
    entity.active = fields.active;
    entity.services = fields.serviceIds.map((id) => ({ id }) as ServiceEntity);
    const saved = await this.staff().save(entity);
    return (await this.findStaffById(saved.id)) ?? saved;
  }

  async setTestPhone(staffId: string, sealed: string | null): Promise<void> {
    await this.staff().update({ id: staffId }, { testPhoneSealed: sealed });
  }

  async testPhone(staffId: string): Promise<string | null> {
    const row = await this.staff().findOne({
      select: { id: true, testPhoneSealed: true },
      where: { id: staffId },
    });
    return row?.testPhoneSealed ?? null;
  }
}
