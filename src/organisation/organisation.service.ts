import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuditActor } from '../audit/audit-event.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Actor } from './actor.js';
import type { CreateStaffDto, ServiceView, StaffView, UpdateStaffDto } from './dto/index.js';
import { OrganisationErrors } from './organisation.errors.js';
import { type ActorRecord, OrganisationRepository } from './organisation.repository.js';
import { TtlCache } from '../common/ttl-cache.js';
import type { Role } from './role.js';
import type { StaffEntity } from './staff.entity.js';

const ACTOR_CACHE_MS = 2_000;

const staffView = (staff: StaffEntity): StaffView => ({
  id: staff.id,
  email: staff.email,
  name: staff.name,
  roles: staff.roles,
  serviceIds: staff.services.map((service) => service.id).sort(),
  active: staff.active,
});

const asAuditActor = (actor: Actor | 'system', reason = 'bootstrap'): AuditActor =>
  actor === 'system' ? { kind: 'system', reason } : { kind: 'staff', id: actor.id };

/** Services (departments) and staff with their roles and memberships: admins manage these. */
@Injectable()
export class OrganisationService {
  private readonly actors = new TtlCache<ActorRecord | null>(ACTOR_CACHE_MS);

  constructor(
    private readonly repository: OrganisationRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The staff record behind a verified identity, or null when Crier does not know them. Read on
   * every authenticated request, so it is remembered for two seconds; a change made here takes
   * effect at once on this instance, and within two seconds on any other.
   */
  async findActorByEmail(email: string): Promise<(Actor & { active: boolean }) | null> {
    const key = email.toLowerCase();
    const known = this.actors.get(key);
    if (known !== undefined) return known;
    const actor = await this.repository.findActorRecord(key);
    this.actors.set(key, actor);
    return actor;
  }

  /**
   * The staff record a console session names, read afresh on every page: pages are few next to
   * API calls, and a disabled person's session then ends on their next click, on any instance.
   */
  findActorById(id: string): Promise<(Actor & { active: boolean }) | null> {
    return this.repository.findActorRecordById(id);
  }

  listServices(): Promise<ServiceView[]> {
    return this.repository
      .listServices()
      .then((list) => list.map(({ id, name }) => ({ id, name })));
  }

  async serviceExists(id: string): Promise<boolean> {
    return (await this.repository.existingServiceIds([id])).length === 1;
  }

  async createService(actor: Actor | 'system', name: string): Promise<ServiceView> {
    return this.uow.run(async () => {
      if (await this.repository.findServiceByName(name)) {
        throw OrganisationErrors.serviceNameTaken(name);
      }
      const service = await this.repository.createService(name);
      await this.audit.record({
        type: 'service.created',
        actor: asAuditActor(actor),
        subject: { serviceId: service.id },
        data: { name },
      });
      return { id: service.id, name: service.name };
    });
  }

  /** A service's new name (departments get renamed); its channels and staff stay with it. */
  async renameService(actor: Actor, id: string, name: string): Promise<ServiceView> {
    return this.uow.run(async () => {
      const service = await this.repository.findServiceById(id);
      if (!service) throw OrganisationErrors.serviceNotFound();
      if (service.name === name) return { id, name };
      const holder = await this.repository.findServiceByName(name);
      if (holder && holder.id !== id) throw OrganisationErrors.serviceNameTaken(name);
      await this.repository.renameService(id, name);
      await this.audit.record({
        type: 'service.renamed',
        actor: asAuditActor(actor),
        subject: { serviceId: id },
        data: { from: service.name, to: name },
      });
      return { id, name };
    });
  }

  async listStaff(): Promise<StaffView[]> {
    return (await this.repository.listStaff()).map(staffView);
  }

  async getStaff(id: string): Promise<StaffView> {
    const staff = await this.repository.findStaffById(id);
    if (!staff) throw OrganisationErrors.staffNotFound();
    return staffView(staff);
  }

  async createStaff(actor: Actor | 'system', input: CreateStaffDto): Promise<StaffView> {
    return this.uow.run(async () => {
      const email = input.email.toLowerCase();
      if (await this.repository.findStaffByEmail(email)) throw OrganisationErrors.staffEmailTaken();
      const serviceIds = await this.requireServices(input.serviceIds ?? []);
      const saved = await this.repository.saveStaff(null, {
        email,
        name: input.name,
        roles: input.roles,
        active: true,
        serviceIds,
      });
      const view = staffView(saved);
      this.actors.delete(email);
      await this.audit.record({
        type: 'staff.created',
        actor: asAuditActor(actor),
        subject: { staffId: view.id },
        // The staff id is the pseudonymous reference; email and name stay out of the log.
        data: { roles: view.roles, serviceIds: view.serviceIds, active: true },
      });
      return view;
    });
  }

  async updateStaff(actor: Actor, id: string, input: UpdateStaffDto): Promise<StaffView> {
    return this.uow.run(async () => {
      const existing = await this.repository.findStaffById(id);
      if (!existing) throw OrganisationErrors.staffNotFound();
      const before = staffView(existing);
      const after = {
        email: before.email,
        name: input.name ?? before.name,
        roles: input.roles ?? before.roles,
        active: input.active ?? before.active,
        serviceIds: input.serviceIds
          ? await this.requireServices(input.serviceIds)
          : before.serviceIds,
      };
      await this.refuseRemovingLastAdmin(before, after.roles, after.active);
      const view = staffView(await this.repository.saveStaff(existing, after));
      this.actors.delete(before.email);
      await this.audit.record({
        type: 'staff.updated',
        actor: { kind: 'staff', id: actor.id },
        subject: { staffId: id },
        data: {
          before: { roles: before.roles, serviceIds: before.serviceIds, active: before.active },
          after: { roles: view.roles, serviceIds: view.serviceIds, active: view.active },
          nameChanged: before.name !== view.name,
        },
      });
      return view;
    });
  }

  /**
   * Erases a former member of staff: their record keeps its id (messages refer to it) but loses
   * name and email and can never sign in; the audit log forgets which reference was theirs.
   */
  async eraseStaff(actor: Actor, id: string): Promise<StaffView> {
    return this.uow.run(async () => {
      const existing = await this.repository.findStaffById(id);
      if (!existing) throw OrganisationErrors.staffNotFound();
      if (id === actor.id) throw OrganisationErrors.cannotEraseSelf();
      const before = staffView(existing);
      await this.refuseRemovingLastAdmin(before, [], false);
      const erased = await this.repository.saveStaff(existing, {
        email: `erased-${id}@erased.invalid`,
        name: 'Erased staff member',
        roles: before.roles,
        active: false,
        serviceIds: [],
      });
      await this.repository.setTestPhone(id, null);
      this.actors.delete(before.email);
      await this.audit.eraseSubject('staff', id, { kind: 'staff', id: actor.id });
      return staffView(erased);
    });
  }

  /** Makes sure the configured first admin exists, so a new installation can be administered. */
  async ensureBootstrapAdmin(email: string): Promise<void> {
    await this.uow.run(async () => {
      if (await this.repository.findStaffByEmail(email)) return;
      await this.createStaff('system', { email, name: 'Administrator', roles: ['admin'] });
    });
  }

  private async requireServices(ids: string[]): Promise<string[]> {
    const found = await this.repository.existingServiceIds(ids);
    const missing = ids.filter((id) => !found.includes(id));
    if (missing.length > 0) throw OrganisationErrors.unknownServices(missing);
    return [...ids].sort();
  }

  private async refuseRemovingLastAdmin(
    before: StaffView,
    roles: Role[],
    active: boolean,
  ): Promise<void> {
    const wasAdmin = before.active && before.roles.includes('admin');
    const staysAdmin = active && roles.includes('admin');
    if (!wasAdmin || staysAdmin) return;
    const admins = (await this.repository.listStaff()).filter(
      (staff) => staff.active && staff.roles.includes('admin'),
    );
    if (admins.length <= 1) throw OrganisationErrors.lastAdmin();
  }
}
