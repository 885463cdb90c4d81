import { Controller, Get, Query } from '@nestjs/common';
import { AuditQueryService } from '../../audit/audit-query.service.js';
import type { AuditEventPageView } from '../../audit/dto/audit.dto.js';
import { ConsolePage } from '../../auth/access.decorators.js';
import { ChannelsService } from '../../channels/channels.service.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { page, type Page } from '../../web/page.js';
import { actorLabel, dataSummary, subjectSummary, ukTime } from './audit-event-display.js';
import { parseSearch, searchLink } from './audit-search-form.js';

/** Searching the audit log, for auditors and admins: the same search as GET /api/v1/audit/events. */
@Controller('console/audit')
export class AuditSearchController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly organisation: OrganisationService,
    private readonly channels: ChannelsService,
  ) {}

  @Get()
  @ConsolePage('auditor', 'admin')
  async search(@Query() raw: Record<string, unknown>): Promise<Page> {
    const form = parseSearch(raw);
    const [staff, channels] = await Promise.all([
      this.organisation.listStaff(),
      this.channels.list(),
    ]);
    const names = new Map(staff.map((person) => [person.id, person.name]));
    const results: AuditEventPageView | null = form.query
      ? await this.query.search(form.query)
      : null;
    const rows = (results?.items ?? []).map((event) => ({
      seq: event.seq,
      time: ukTime(event.recordedAt),
      type: event.type,
      actor: actorLabel(event, names),
      subject: subjectSummary(event.subject as Record<string, string | undefined>),
      messageId: event.subject.messageId ?? null,
      summary: dataSummary(event.data),
    }));
    return page('console/audit/search', {
      form,
      rows,
      searched: results !== null,
      firstPage: (form.query?.afterSeq ?? 0) === 0,
      firstPageLink: searchLink(form.values),
      nextPageLink:
        results?.nextAfterSeq != null ? searchLink(form.values, results.nextAfterSeq) : null,
      staffOptions: [
        { value: '', text: 'Anyone' },
        ...staff
          .filter((person) => person.name)
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
          .map((person) => ({ value: person.id, text: person.name })),
      ],
      channelOptions: [
        { value: '', text: 'Any channel' },
        ...channels
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
          .map((channel) => ({ value: channel.id, text: channel.name })),
      ],
    });
  }
}
