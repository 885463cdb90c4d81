import type { E164 } from '../../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../../src/phone-numbers/phone-vault.js';
import type { Council } from './council.js';
import type { TestApp } from './test-app.js';

type InboxRole = 'officer' | 'service_manager' | 'comms_approver' | 'auditor' | 'admin';

const highwaysChannels = new WeakMap<TestApp, Promise<string>>();
let nextNumber = 600;

/** A Highways channel, so that the council's Highways officer has an inbox to work. */
function highwaysChannel(t: TestApp, council: Council): Promise<string> {
  let channel = highwaysChannels.get(t);
  if (!channel) {
    channel = t.http
      .post('/api/v1/channels')
      .set(council.bearer(council.admin))
      .send({
        name: 'Highways inbox',
        kind: 'service',
        serviceId: council.services.highways,
        whatsapp: { phoneNumberId: '200000000000093', displayPhoneNumber: '+44 1632 960193' },
        policy: { approvalsRequired: 1, approverRoles: ['service_manager'], quietHours: null },
      })
      .then((response) => {
        if (response.status !== 201) throw new Error(`channel: ${response.status}`);
        return (response.body as { id: string }).id;
      });
    highwaysChannels.set(t, channel);
  }
  return channel;
}

/**
 * A fresh conversation in an inbox this role works (Highways for the officer, Youth for its
 * manager, the corporate channel for the others), with one message just received: written
 * straight to the database, as the webhook would, to keep the matrix quick.
 */
export async function inboxConversationFor(
  t: TestApp,
  council: Council,
  role: InboxRole,
  options: { blocked?: boolean } = {},
): Promise<{ id: string; messageId: string }> {
  const channelId =
    role === 'officer'
      ? await highwaysChannel(t, council)
      : role === 'service_manager'
        ? council.channels.youth
        : council.channels.corporate;
  const vault = t.app.get(PhoneVault);
  const phone = `+447700900${String((nextNumber += 1) % 1000).padStart(3, '0')}` as E164;
  const hash = vault.lookupHash(phone);
  const [message] = await t.db.query<{ id: string }>(
    `INSERT INTO inbound_messages
       (channel_id, provider_message_id, from_phone_sealed, from_phone_hash, kind, body, sent_at)
     VALUES ($1, $2, $3, $4, 'text', 'Hello council', now()) RETURNING id`,
    [channelId, `wamid.inbox-fixture-${nextNumber}-${Date.now()}`, vault.encrypt(phone), hash],
  );
  const [conversation] = await t.db.query<{ id: string }>(
    `INSERT INTO inbox_conversations (channel_id, phone_hash, last_message_at)
     VALUES ($1, $2, now())
     ON CONFLICT (channel_id, phone_hash) DO UPDATE SET status = 'open', assignee_id = NULL
     RETURNING id`,
    [channelId, hash],
  );
  if (options.blocked) {
    await t.db.query(
      `INSERT INTO inbox_blocks (channel_id, phone_hash, reason, blocked_by)
       VALUES ($1, $2, 'test', $3) ON CONFLICT DO NOTHING`,
      [channelId, hash, council.admin.id],
    );
  } else {
    await t.db.query(`DELETE FROM inbox_blocks WHERE channel_id = $1 AND phone_hash = $2`, [
      channelId,
      hash,
    ]);
  }
  return { id: conversation.id, messageId: message.id };
}

/**
 * A pending template reply in a fresh conversation of this role's inbox (see
 * inboxConversationFor), proposed by someone who is none of the matrix's callers, so that each
 * of them may approve or reject it as far as four eyes go.
 */
export async function inboxTemplateReplyFor(
  t: TestApp,
  council: Council,
  role: InboxRole,
  proposedBy: string = council.youthOfficer.id,
): Promise<{ id: string; replyId: string }> {
  const { id } = await inboxConversationFor(t, council, role);
  const [reply] = await t.db.query<{ id: string }>(
    `INSERT INTO inbox_template_replies (conversation_id, channel_id, proposed_by, template)
     SELECT c.id, c.channel_id, $2, $3::jsonb FROM inbox_conversations c WHERE c.id = $1
     RETURNING id`,
    [
      id,
      proposedBy,
      JSON.stringify({
        templateName: 'area_alert',
        language: 'en_GB',
        parameters: ['We have looked into your question.'],
      }),
    ],
  );
  return { id, replyId: reply.id };
}
