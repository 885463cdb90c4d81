import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import { badInput } from '../common/errors/crier-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { type E164, maskPhoneNumber, normalisePhoneNumber } from '../phone-numbers/phone-number.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import type { Actor } from './actor.js';
import { OrganisationRepository } from './organisation.repository.js';

/**
 * A member of staff's own phone, for "send me a test" before an alert goes out. Sealed at rest,
 * shown back only masked, and never written to the audit log (which records only that it changed).
 */
@Injectable()
export class TestPhoneService {
  constructor(
    private readonly repository: OrganisationRepository,
    private readonly vault: PhoneVault,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  async masked(actor: Actor): Promise<string | null> {
    const phone = await this.phoneOf(actor.id);
    return phone ? maskPhoneNumber(phone) : null;
  }

  async set(actor: Actor, input: string): Promise<string> {
    const phone = normalisePhoneNumber(input);
    if (!phone) {
      throw badInput(
        'INVALID_PHONE_NUMBER',
        'That is not a valid phone number; give a UK mobile such as 07700 900123, or +44 with the country code.',
      );
    }
    await this.uow.run(async () => {
      await this.repository.setTestPhone(actor.id, this.vault.encrypt(phone));
      await this.audit.record({
        type: 'staff.test_phone_set',
        actor: { kind: 'staff', id: actor.id },
        subject: { staffId: actor.id },
        data: {},
      });
    });
    return maskPhoneNumber(phone);
  }

  async remove(actor: Actor): Promise<void> {
    await this.uow.run(async () => {
      await this.repository.setTestPhone(actor.id, null);
      await this.audit.record({
        type: 'staff.test_phone_removed',
        actor: { kind: 'staff', id: actor.id },
        subject: { staffId: actor.id },
        data: {},
      });
    });
  }

  async phoneOf(staffId: string): Promise<E164 | null> {
    const sealed = await this.repository.testPhone(staffId);
    return sealed ? this.vault.decrypt(sealed) : null;
  }
}
