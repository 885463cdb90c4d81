import { conflict } from '../../common/errors/crier-error.js';
import type { ContentFinding } from './content-finding.js';

/** What the approval's audit event records about the safeguards: codes only, never excerpts. */
export interface OverrideRecord {
  contentFindings?: string[];
  overrideReason?: string;
}

/**
 * Approving content with findings needs a reason. Refuses (409 CONTENT_FINDINGS_NEED_REASON,
 * with the finding codes) when there are findings and no reason; otherwise returns what the
 * audit event adds: nothing for clean content, else the codes and the reason.
 */
export function approvalOverride(findings: ContentFinding[], reason?: string): OverrideRecord {
  const codes = [...new Set(findings.map((found) => found.code))];
  if (codes.length === 0) return {};
  const given = reason?.trim() ?? '';
  if (given === '') {
    throw conflict(
      'CONTENT_FINDINGS_NEED_REASON',
      `This message has content that must not normally go out (${codes.join(', ')}). Give a reason to approve it anyway (overrideReason), or send it back for changes.`,
      { findings: codes },
    );
  }
  return { contentFindings: codes, overrideReason: given };
}
