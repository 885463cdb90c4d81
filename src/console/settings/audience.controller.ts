import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { AudienceService } from '../../audience/audience.service.js';
import { notFound } from '../../common/errors/crier-error.js';
import type { Actor } from '../../organisation/actor.js';
import type { PostcodeImportResultView } from '../../postcodes/dto/postcode.dto.js';
import { PostcodesService } from '../../postcodes/postcodes.service.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { errorsByField, expectedRefusal, type FormBody, type FormProblem } from './forms.js';
import { CodeParam } from '../../audience/code-param.pipe.js';
import { parseAudienceForm, parsePostcodeForm, parseRenameForm } from './simple-forms.js';

type Kind = 'area' | 'topic';
interface AudienceFormState {
  kind: Kind;
  values: { code: string; name: string };
  problems: FormProblem[];
}

/** Areas and topics residents follow, and the postcode-to-area mapping. */
@Controller('console/settings')
export class AudiencePageController {
  constructor(
    private readonly audience: AudienceService,
    private readonly postcodes: PostcodesService,
  ) {}

  @Get('areas')
  @ConsolePage('admin')
  areas(@Query('added') added?: string, @Query('renamed') renamed?: string): Promise<Page> {
    return this.renderAreas(undefined, added, renamed);
  }

  @Get('areas/:code')
  @ConsolePage('admin')
  areaRenameForm(@Param('code', new CodeParam('area')) code: string): Promise<Page> {
    return this.renameForm('area', code);
  }

  @Post('areas/:code')
  @HttpCode(200)
  @ConsolePage('admin')
  renameArea(
    @CurrentActor() actor: Actor,
    @Param('code', new CodeParam('area')) code: string,
    @Body() body: FormBody,
  ): Promise<Page> {
    return this.rename(actor, 'area', code, body);
  }

  @Get('topics/:code')
  @ConsolePage('admin')
  topicRenameForm(@Param('code', new CodeParam('topic')) code: string): Promise<Page> {
    return this.renameForm('topic', code);
  }

  @Post('topics/:code')
  @HttpCode(200)
  @ConsolePage('admin')
  renameTopic(
    @CurrentActor() actor: Actor,
    @Param('code', new CodeParam('topic')) code: string,
    @Body() body: FormBody,
  ): Promise<Page> {
    return this.rename(actor, 'topic', code, body);
  }

  @Post('areas')
  @HttpCode(200)
  @ConsolePage('admin')
  addArea(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    return this.add(actor, 'area', body);
  }

  @Post('topics')
  @HttpCode(200)
  @ConsolePage('admin')
  addTopic(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    return this.add(actor, 'topic', body);
  }

  @Get('postcodes')
  @ConsolePage('admin')
  postcodeForm(): Page {
    return this.renderPostcodes('', []);
  }

  @Post('postcodes')
  @HttpCode(200)
  @ConsolePage('admin')
  async importPostcodes(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    const { csv, problems } = parsePostcodeForm(body);
    if (problems.length > 0) return this.renderPostcodes(csv, problems);
    try {
      const result = await this.postcodes.importCsv({ kind: 'staff', id: actor.id }, csv);
      // The result is shown, not redirected to: it is the answer to this one import.
      return this.renderPostcodes('', [], result);
    } catch (error) {
      const refusal = expectedRefusal(error, { INVALID_CSV_HEADER: '#csv' });
      if (!refusal) throw error;
      return this.renderPostcodes(csv, [refusal]);
    }
  }

  private async add(actor: Actor, kind: Kind, body: FormBody): Promise<Page> {
    const { code, name, problems } = parseAudienceForm(body, kind);
    const values = { code, name };
    if (problems.length > 0) return this.renderAreas({ kind, values, problems });
    try {
      await this.audience.create({ kind: 'staff', id: actor.id }, kind, code, name);
    } catch (error) {
      const taken = `${kind.toUpperCase()}_CODE_TAKEN`;
      if (!expectedRefusal(error, { [taken]: `#${kind}-code` })) throw error;
      const text = `There is already ${kind === 'area' ? 'an area' : 'a topic'} with the code ${code}`;
      return this.renderAreas({ kind, values, problems: [{ text, href: `#${kind}-code` }] });
    }
    throw new SeeOther(`/console/settings/areas?added=${kind}:${encodeURIComponent(code)}`);
  }

  private async renameForm(kind: Kind, code: string, name?: string, problems: FormProblem[] = []) {
    const entry = await this.audience.get(kind, code);
    if (!entry) throw notFound(`${kind.toUpperCase()}_NOT_FOUND`, `There is no ${kind} "${code}".`);
    return page('console/settings/rename', {
      noun: kind,
      current: entry.name,
      code,
      action: `/console/settings/${kind}s/${encodeURIComponent(code)}`,
      back: { text: 'Back to areas and topics', href: '/console/settings/areas' },
      values: { name: name ?? entry.name },
      problems,
      errors: errorsByField(problems),
    });
  }

  private async rename(actor: Actor, kind: Kind, code: string, body: FormBody): Promise<Page> {
    const { name, problems } = parseRenameForm(body, kind);
    if (problems.length > 0) return this.renameForm(kind, code, name, problems);
    await this.audience.rename({ kind: 'staff', id: actor.id }, kind, code, name);
    throw new SeeOther(`/console/settings/areas?renamed=${kind}:${encodeURIComponent(code)}`);
  }

  private async renderAreas(
    form?: AudienceFormState,
    added?: string,
    renamed?: string,
  ): Promise<Page> {
    const [areas, topics] = await Promise.all([
      this.audience.list('area'),
      this.audience.list('topic'),
    ]);
    // Only an entry on the lists: the query string cannot make the page say anything else.
    const named = (reference?: string) => {
      const [kind, code] = (reference ?? '').split(':');
      const entry = (kind === 'area' ? areas : kind === 'topic' ? topics : []).find(
        (candidate) => candidate.code === code,
      );
      return entry ? { kind, ...entry } : undefined;
    };
    const problems = form?.problems ?? [];
    const blank = { code: '', name: '' };
    return page('console/settings/areas', {
      areas,
      topics,
      added: named(added),
      renamed: named(renamed),
      area: form?.kind === 'area' ? form.values : blank,
      topic: form?.kind === 'topic' ? form.values : blank,
      problems,
      errors: errorsByField(problems),
    });
  }

  private renderPostcodes(
    csv: string,
    problems: FormProblem[],
    result?: PostcodeImportResultView,
  ): Page {
    return page('console/settings/postcodes', {
      csv,
      result,
      problems,
      errors: errorsByField(problems),
    });
  }
}
