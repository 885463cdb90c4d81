import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { AuditQueryService } from '../../audit/audit-query.service.js';
import { AuditCheckpointService } from '../../audit/checkpoints/audit-checkpoint.service.js';
import type { VerificationResult } from '../../audit/verification/log-verification.js';
import { AuditVerifier } from '../../audit/verification/audit-verifier.service.js';
import { ConsolePage } from '../../auth/access.decorators.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { intactSummary, shortHash, ukTime } from './audit-event-display.js';

/** Checkpoints shown on the page; the rest are in AUDIT_CHECKPOINT_DIR and the API's list. */
const CHECKPOINTS_SHOWN = 20;

/**
 * Verifying the log and signing checkpoints, with the same roles as POST /api/v1/audit/verify
 * and POST /api/v1/audit/checkpoints (auditor, admin).
 */
@Controller('console/audit')
export class AuditVerifyController {
  constructor(
    private readonly verifier: AuditVerifier,
    private readonly checkpoints: AuditCheckpointService,
    private readonly query: AuditQueryService,
  ) {}

  @Get('verify')
  @ConsolePage('auditor', 'admin')
  async show(@Query('signed') signed?: unknown): Promise<Page> {
    const size = typeof signed === 'string' && /^\d{1,15}$/.test(signed) ? Number(signed) : null;
    return this.render(null, size);
  }

  /** Runs the verification and shows its answer; it changes nothing, so no redirect. */
  @Post('verify')
  @HttpCode(200)
  @ConsolePage('auditor', 'admin')
  async verify(): Promise<Page> {
    return this.render(await this.verifier.verify(), null);
  }

  @Post('checkpoints')
  @ConsolePage('auditor', 'admin')
  async createCheckpoint(): Promise<never> {
    const checkpoint = await this.checkpoints.create();
    throw new SeeOther(`/console/audit/verify?signed=${checkpoint.size}`);
  }

  private async render(
    result: VerificationResult | null,
    signedSize: number | null,
  ): Promise<Page> {
    const { items, publicKey } = await this.checkpoints.list();
    const newestFirst = [...items].reverse();
    return page('console/audit/verify', {
      result,
      outcome: result ? await this.outcome(result, items.length) : null,
      signedText:
        signedSize === null
          ? null
          : `A checkpoint was signed: the log held ${signedSize.toLocaleString('en-GB')} events.`,
      publicKey,
      checkpointCount: items.length,
      checkpoints: newestFirst.slice(0, CHECKPOINTS_SHOWN).map((checkpoint) => ({
        size: checkpoint.size,
        at: ukTime(checkpoint.at),
        root: shortHash(checkpoint.root),
        chainHead: shortHash(checkpoint.chainHead),
        keyId: shortHash(checkpoint.keyId),
      })),
    });
  }

  /** The figures for the result: the chain head is that of the last event checked. */
  private async outcome(result: VerificationResult, checkpointCount: number) {
    const last =
      result.ok && result.checked > 0
        ? (await this.query.search({ afterSeq: result.checked - 1, limit: 1 })).items[0]
        : undefined;
    return {
      checked: result.checked.toLocaleString('en-GB'),
      summary: intactSummary(
        result.checked,
        last ? shortHash(last.chainHash) : null,
        checkpointCount,
      ),
      chainHead: last?.chainHash ?? null,
    };
  }
}
