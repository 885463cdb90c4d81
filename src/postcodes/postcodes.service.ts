import { Injectable } from '@nestjs/common';
import { AudienceService } from '../audience/audience.service.js';
import type { AuditActor } from '../audit/audit-event.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { badInput, notFound } from '../common/errors/crier-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { PostcodeImportResultView, PostcodeView } from './dto/postcode.dto.js';
import { normalisePostcode, type Postcode } from './postcode.js';
import { planPostcodeImport } from './postcode-import.js';
import { PostcodesRepository } from './postcodes.repository.js';

/** A file of garbage would otherwise answer with hundreds of thousands of errors. */
export const MAX_REPORTED_ERRORS = 1_000;

/** The postcode-to-area mapping: imported by an admin, looked up by staff and residents. */
@Injectable()
export class PostcodesService {
  constructor(
    private readonly repository: PostcodesRepository,
    private readonly audience: AudienceService,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  /** Valid lines are added or replace the postcode's earlier area; the rest are reported. */
  async importCsv(actor: AuditActor, body: unknown): Promise<PostcodeImportResultView> {
    // Only a text/csv (or text/plain) body arrives as a string; JSON or nothing arrives otherwise.
    if (typeof body !== 'string') {
      throw badInput('CSV_BODY_REQUIRED', 'Send the mapping as CSV with Content-Type: text/csv.');
    }
    const areas = await this.audience.list('area');
    const plan = planPostcodeImport(body, new Set(areas.map((area) => area.code)));
    return this.uow.run(async () => {
      await this.repository.upsert(plan.mappings);
      await this.audit.record({
        type: 'postcodes.imported',
        actor,
        data: {
          received: plan.mappings.length + plan.errors.length,
          imported: plan.mappings.length,
          invalid: plan.errors.length,
        },
      });
      return {
        imported: plan.mappings.length,
        invalid: plan.errors.length,
        errors: plan.errors.slice(0, MAX_REPORTED_ERRORS),
      };
    });
  }

  /** Adds mappings already known to be valid: the demo council's, say. */
  async addMappings(
    actor: AuditActor,
    mappings: { postcode: Postcode; areaCode: string }[],
  ): Promise<void> {
    await this.uow.run(async () => {
      await this.repository.upsert(mappings);
      await this.audit.record({
        type: 'postcodes.imported',
        actor,
        data: { received: mappings.length, imported: mappings.length, invalid: 0 },
      });
    });
  }

  async find(input: string): Promise<PostcodeView> {
    const postcode = normalisePostcode(input);
    if (!postcode) {
      throw badInput('INVALID_POSTCODE', 'That is not a UK postcode; give one such as EB1 1AA.');
    }
    const found = await this.repository.findWithArea(postcode);
    if (!found) {
      throw notFound('POSTCODE_NOT_FOUND', `${postcode} is not in the council's postcode mapping.`);
    }
    return { postcode: found.postcode, area: { code: found.areaCode, name: found.areaName } };
  }
}
