import type { ContentFinding } from '../../messages/safeguards/content-finding.js';

export interface ContentChecks {
  heading: string;
  items: { where: string; excerpt: string; message: string }[];
}

/** What is needed of a message's content (the domain's or the API view's). */
interface ContentShape {
  kind: string;
  parameters?: readonly string[];
  body?: string;
}

/** Where a finding is, in the compose form's own words. */
function whereIs(field: string, content: ContentShape): string {
  if (field === 'body') return 'Message text';
  const part = Number(field.split('.')[1] ?? 0) + 1;
  return content.kind === 'template' && (content.parameters?.length ?? 0) > 1
    ? `Alert text, part ${part}`
    : 'Alert text';
}

/**
 * The content safeguards' findings as the compose, message and review pages list them; null
 * when there are none. Excerpts of numbers are already masked by the safeguards.
 */
export function contentChecks(
  findings: readonly ContentFinding[],
  content: ContentShape,
): ContentChecks | null {
  if (findings.length === 0) return null;
  return {
    heading:
      findings.length === 1
        ? 'This message may contain something that must not be sent on WhatsApp. An approver must give a reason to approve it as it is.'
        : `This message may contain ${findings.length} things that must not be sent on WhatsApp. An approver must give a reason to approve it as it is.`,
    items: findings.map((found) => ({
      where: whereIs(found.field, content),
      excerpt: found.excerpt,
      message: found.message,
    })),
  };
}
