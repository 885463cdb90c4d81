import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ApprovableContent, Audience, MessageContent } from './message-content.js';

const sortedUnique = (codes: string[]): string[] => [...new Set(codes)].sort();

export function normaliseAudience(audience: Audience): Audience {
  return { areas: sortedUnique(audience.areas), topics: sortedUnique(audience.topics) };
}

function normaliseContent(content: MessageContent): MessageContent {
  // A message without a poll hashes as it always has, so approvals given before polls existed
  // still match their stored versions.
  const poll = content.poll
    ? { poll: { options: [...content.poll.options], closesAt: content.poll.closesAt } }
    : {};
  return content.kind === 'text'
    ? { kind: 'text', body: content.body, ...poll }
    : {
        kind: 'template',
        templateName: content.templateName,
        language: content.language,
        parameters: [...content.parameters],
        ...poll,
      };
}

/**
 * SHA-256 (hex) over the RFC 8785 canonical JSON of what an approver signs off. Audience order
 * and duplicates do not change the hash; any change of text, parameter, audience, channel, send
 * time or priority does. Stored with each approval and re-checked before dispatch.
 */
export function contentHash(approvable: ApprovableContent): string {
  const canonical = canonicalize({
    channelId: approvable.channelId,
    content: normaliseContent(approvable.content),
    audience: normaliseAudience(approvable.audience),
    priority: approvable.priority,
    sendAt: approvable.sendAt === null ? null : new Date(approvable.sendAt).toISOString(),
    emergencyReason: approvable.emergencyReason,
  });
  if (canonical === undefined) throw new Error('message content is not serialisable');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
