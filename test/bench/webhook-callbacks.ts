import { createHmac } from 'node:crypto';
import pg from 'pg';

export interface SignedCallback {
  body: Buffer;
  signature: string;
}

const STATUSES = ['sent', 'delivered', 'read'] as const;

/**
 * `messages` accepted sends (delivery rows with provider ids, as the dispatcher leaves them),
 * inserted straight into the bench database: the benchmark measures callbacks, not sending.
 */
export async function seedAcceptedDeliveries(
  databaseUrl: string,
  channelId: string,
  messages: number,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'crier-bench' });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO message_deliveries
         (channel_id, purpose, recipient_phone_sealed, recipient_phone_hash, provider,
          provider_message_id, status, accepted_at)
       SELECT $1, 'alert', 'v1.bench.x.x.x', repeat('0', 64), 'whatsapp-cloud-api',
              'wamid.BENCH' || g, 'accepted', now()
         FROM generate_series(1, $2::int) AS g`,
      [channelId, messages],
    );
  } finally {
    await client.end();
  }
}

/**
 * Meta's status callbacks for those sends, three per message (sent, delivered, read) as the
 * Cloud API sends them, signed with the app secret. Built before the run so that signing does
 * not compete with the server for the CPU while it is measured.
 */
export function statusCallbacks(
  messages: number,
  phoneNumberId: string,
  appSecret: string,
): SignedCallback[] {
  const callbacks: SignedCallback[] = [];
  const start = Math.floor(Date.now() / 1000);
  for (let n = 1; n <= messages; n += 1) {
    STATUSES.forEach((status, i) => {
      const raw = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '102290129340398',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
                  statuses: [
                    {
                      id: `wamid.BENCH${n}`,
                      status,
                      timestamp: String(start + i),
                      recipient_id: `4474${String(n).padStart(8, '0')}`,
                      ...(status === 'read'
                        ? {}
                        : {
                            conversation: { id: `CONV${n}`, origin: { type: 'utility' } },
                            pricing: {
                              billable: true,
                              pricing_model: 'PMP',
                              category: 'utility',
                              type: 'regular',
                            },
                          }),
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
      const body = Buffer.from(raw);
      callbacks.push({
        body,
        signature: `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`,
      });
    });
  }
  return callbacks;
}
