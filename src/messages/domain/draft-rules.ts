import type { GovernancePolicy } from '../../channels/governance-policy.js';
import type { MessageContentDto } from '../dto/message-input.dto.js';
import { MessageErrors } from '../messages.errors.js';
import { normaliseAudience } from './content-hash.js';
import type { ApprovableContent, Audience, MessageContent } from './message-content.js';
import type { Priority } from './message-status.js';
import { pollProblems } from './poll-definition.js';

const YEAR_MS = 366 * 24 * 3600 * 1000;
/** A send time a little in the past is a slow form, not a mistake: treat it as "now". */
const PAST_TOLERANCE_MS = 60 * 1000;

const TEMPLATE_FIELDS = ['templateName', 'language', 'parameters'] as const;

/** Turns validated input into content of exactly one kind, refusing fields of the other kind. */
export function toContent(input: MessageContentDto): MessageContent {
  const poll = input.poll
    ? {
        poll: {
          options: input.poll.options.map((option) => option.trim()),
          closesAt: input.poll.closesAt,
        },
      }
    : {};
  if (input.kind === 'text') {
    const extra = TEMPLATE_FIELDS.filter((field) => input[field] !== undefined);
    if (extra.length > 0) throw MessageErrors.contentFieldsMismatch('text', extra);
    return { kind: 'text', body: input.body ?? '', ...poll };
  }
  if (input.body !== undefined) throw MessageErrors.contentFieldsMismatch('template', ['body']);
  return {
    kind: 'template',
    templateName: input.templateName ?? '',
    language: input.language ?? '',
    parameters: input.parameters ?? [],
    ...poll,
  };
}

/** The content with its poll checked against WhatsApp's limits and its closing time in UTC. */
function checkPoll(content: MessageContent, sendAt: string | null, now: Date): MessageContent {
  if (!content.poll) return content;
  const problems = pollProblems(content.poll, {
    kind: content.kind,
    body: content.kind === 'text' ? content.body : undefined,
    sendAt,
    now,
  });
  if (problems.length > 0) throw MessageErrors.invalidPoll(problems);
  return {
    ...content,
    poll: { ...content.poll, closesAt: new Date(content.poll.closesAt).toISOString() },
  };
}

export interface DraftInput {
  channelId: string;
  content: MessageContent;
  audience: Audience;
  priority: Priority;
  sendAt: string | null;
  emergencyReason: string | null;
}

/**
 * The rules a draft must meet before it is stored, whoever wrote it: a kind the channel allows,
 * a reason for every emergency, a send time within the coming year.
 */
export function checkDraft(
  draft: DraftInput,
  policy: GovernancePolicy,
  now: Date,
): ApprovableContent {
  if (!policy.allowedContentKinds.includes(draft.content.kind)) {
    throw MessageErrors.contentKindNotAllowed(draft.content.kind);
  }
  const reason = draft.emergencyReason?.trim() || null;
  if (draft.priority === 'emergency' && !reason) throw MessageErrors.emergencyReasonRequired();
  if (draft.priority === 'routine' && reason) throw MessageErrors.emergencyReasonNotAllowed();

  let sendAt: string | null = null;
  if (draft.sendAt !== null) {
    const at = new Date(draft.sendAt);
    if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS) throw MessageErrors.sendAtInPast();
    if (at.getTime() > now.getTime() + YEAR_MS) throw MessageErrors.sendAtTooFar();
    sendAt = at.toISOString();
  }
  return {
    channelId: draft.channelId,
    content: checkPoll(draft.content, sendAt, now),
    audience: normaliseAudience(draft.audience),
    priority: draft.priority,
    sendAt,
    emergencyReason: reason,
  };
}
