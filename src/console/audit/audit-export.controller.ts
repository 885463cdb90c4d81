import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuditExporter } from '../../audit/export/audit-exporter.service.js';
import { ConsolePage } from '../../auth/access.decorators.js';
import { CrierError } from '../../common/errors/crier-error.js';
import { page, type Page } from '../../web/page.js';
import { parseExport } from './audit-export-form.js';

/** Failures of the export that the person can act on: shown on the form, not as an error page. */
const SHOWN_ON_FORM = new Set(['bad_input', 'not_found', 'conflict']);

/** Downloading an evidence bundle: the same bundle as GET /api/v1/audit/export. */
@Controller('console/audit')
export class AuditExportController {
  constructor(private readonly exporter: AuditExporter) {}

  @Get('export')
  @ConsolePage('auditor', 'admin')
  async export(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Page | string> {
    const form = parseExport(raw);
    if (form.kind === 'empty') return page('console/audit/export', { values: form.values });
    if (form.kind === 'error') return page('console/audit/export', form);
    try {
      const bundle = await this.exporter.export(form.scope);
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${form.filename}"`);
      return JSON.stringify(bundle, null, 2);
    } catch (error) {
      if (!(error instanceof CrierError) || !SHOWN_ON_FORM.has(error.kind)) throw error;
      const field = 'messageId' in form.scope ? 'messageId' : 'fromSeq';
      return page('console/audit/export', {
        values: form.values,
        errors: [{ text: error.message, href: `#${field}` }],
        fieldErrors: { [field]: error.message },
      });
    }
  }
}
