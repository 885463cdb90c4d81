import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';

/**
 * Counts for WhatsApp's messaging limit: unique people a business portfolio may reach with
 * business-initiated messages (outside their 24-hour service window) in a moving 24 hours.
 */
@Injectable()
export class MessagingReachRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * How many more unique people an alert to this audience would reach outside their window,
   * on top of those already reached or about to be: residents alerted in the last 24 hours,
   * and the untaken places of alerts still sending.
   */
  async reach(audience: { areas: string[]; topics: string[] }): Promise<{
    alreadyReached: number;
    alertWouldAdd: number;
  }> {
    const [row] = await this.uow
      .manager()
      .query<{ already: string; pending: string; adds: string }[]>(
        `WITH recent AS (
         SELECT DISTINCT recipient_phone_hash AS phone_hash FROM message_deliveries
          WHERE purpose = 'alert' AND created_at > now() - interval '24 hours'
       )
       SELECT (SELECT count(*) FROM recent) AS already,
              (SELECT coalesce(sum(recipients_total - recipients_claimed), 0) FROM messages
                WHERE status = 'sending' AND recipients_total IS NOT NULL) AS pending,
              (SELECT count(*) FROM subscribers s
                WHERE s.status = 'active'
                  AND s.area_codes && $1::text[] AND s.topic_codes && $2::text[]
                  AND (s.last_inbound_at IS NULL OR s.last_inbound_at < now() - interval '24 hours')
                  AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.phone_hash = s.phone_hash)
                  AND NOT EXISTS (SELECT 1 FROM recent r WHERE r.phone_hash = s.phone_hash)) AS adds`,
        [audience.areas, audience.topics],
      );
    return {
      alreadyReached: Number(row?.already ?? 0) + Number(row?.pending ?? 0),
      alertWouldAdd: Number(row?.adds ?? 0),
    };
  }
}
