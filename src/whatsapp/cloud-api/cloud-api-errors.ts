import type { FailureClass, SendFailure } from '../../dispatch/outbound-message.js';

interface Rule {
  class: FailureClass;
  reason: string;
  minRetryDelayMs?: number;
  suppressRecipient?: boolean;
}

const retry = (reason: string, minRetryDelayMs?: number): Rule => ({
  class: 'retry',
  reason,
  ...(minRetryDelayMs ? { minRetryDelayMs } : {}),
});
const channel = (reason: string): Rule => ({ class: 'channel', reason });
const message = (reason: string): Rule => ({ class: 'message', reason });
const recipient = (reason: string, suppressRecipient = false): Rule => ({
  class: 'recipient',
  reason,
  ...(suppressRecipient ? { suppressRecipient } : {}),
});

const TEMPORARY = retry('WhatsApp is temporarily unavailable');
const RATE = retry('WhatsApp rate limit reached; slowing down');
const TOKEN = channel(
  'The WhatsApp access token is invalid or expired; sending on this channel is paused until an admin renews it',
);
const PERMISSION = channel(
  'The WhatsApp app lacks a permission it needs; sending on this channel is paused until an admin fixes it',
);
const RESTRICTED = channel(
  'The WhatsApp business account is restricted or locked; sending on this channel is paused',
);
const BAD_REQUEST = message('WhatsApp refused the request as malformed or missing a parameter');
const TEMPLATE = message(
  'WhatsApp refused the template (missing, paused, disabled or against policy); the channel owner must fix it',
);

/** Meta's error codes, as the table in docs/whatsapp-cloud-api.md classifies them. */
const RULES = new Map<number, Rule>([
  [2, TEMPORARY],
  [131016, TEMPORARY],
  [133004, TEMPORARY],
  [4, RATE],
  [80007, RATE],
  [130429, retry('The channel reached its WhatsApp throughput; slowing down')],
  [131056, retry('Too many messages to this person in a short time; trying them later', 6_000)],
  [131057, retry('The WhatsApp account is in maintenance; trying again shortly', 60_000)],
  [131000, retry('WhatsApp reported an unknown error')],
  [0, TOKEN],
  [190, TOKEN],
  [3, PERMISSION],
  [10, PERMISSION],
  [131005, PERMISSION],
  [368, RESTRICTED],
  [131031, RESTRICTED],
  [100, BAD_REQUEST],
  [131008, BAD_REQUEST],
  [131009, BAD_REQUEST],
  [132000, message('The template parameters do not match the approved template')],
  [132012, BAD_REQUEST],
  [132001, TEMPLATE],
  [132007, TEMPLATE],
  [132015, TEMPLATE],
  [132016, TEMPLATE],
  [131026, recipient('This number cannot receive WhatsApp messages')],
  [
    131047,
    recipient(
      'Free text can only go to someone who wrote to the channel in the last 24 hours; send a template instead',
    ),
  ],
  [131048, message('WhatsApp flagged the message as spam; the send is stopped, not retried')],
  [131049, message('WhatsApp limited marketing messages to this person; the send is stopped')],
  [131050, recipient('This person stopped messages from the council on WhatsApp', true)],
  [130403, recipient('The council has blocked this person on WhatsApp', true)],
]);

/** 200 to 299 are Graph API permission errors, one code per permission. */
const isPermissionCode = (code: number) => code >= 200 && code <= 299;

/** How Crier handles a Cloud API error code (Meta says: act on the code, not the HTTP status). */
export function classifyCloudApiError(code: number): SendFailure {
  const rule = RULES.get(code) ?? (isPermissionCode(code) ? PERMISSION : undefined);
  if (rule) return { code: String(code), ...rule };
  // An unknown code is retried a bounded number of times, as 131000 is, then given up.
  return { class: 'retry', code: String(code), reason: `WhatsApp error ${code}` };
}
