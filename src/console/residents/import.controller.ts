import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../organisation/actor.js';
import { SubscriberImportService } from '../../residents/subscriber-import.service.js';
import { page, type Page } from '../../web/page.js';
import { IMPORT_COLUMNS, IMPORT_EXAMPLE, parseImportCsv } from './import-csv.js';
import { IMPORT_ERROR_MEANINGS, importErrorLines } from './import-result.js';
import { errorsByField, type FormBody, type FormProblem, rawField } from './residents-forms.js';

/**
 * Importing a council's existing opted-in list, pasted (or read from a file by the page's
 * script) as CSV. The result is shown on the POST's own response: it is not kept anywhere to
 * redirect to, and posting again is harmless (numbers already subscribed are skipped).
 */
@Controller('console/residents/import')
export class ImportPageController {
  constructor(private readonly imports: SubscriberImportService) {}

  @Get()
  @ConsolePage('admin')
  form(): Page {
    return this.render('', []);
  }

  @Post()
  @HttpCode(200)
  @ConsolePage('admin')
  async import(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    const csv = rawField(body, 'csv');
    const parsed = parseImportCsv(csv);
    if (parsed.problem) return this.render(csv, [{ text: parsed.problem, href: '#csv' }]);
    const result = await this.imports.import(actor, parsed.rows);
    return page('console/residents/import-result', {
      result,
      errors: importErrorLines(result, parsed.lines),
    });
  }

  private render(csv: string, problems: FormProblem[]): Page {
    return page('console/residents/import', {
      columns: IMPORT_COLUMNS,
      example: IMPORT_EXAMPLE,
      meanings: Object.entries(IMPORT_ERROR_MEANINGS).map(([code, meaning]) => ({
        code,
        meaning,
      })),
      values: { csv },
      problems,
      errors: errorsByField(problems),
    });
  }
}
