import { diffWords } from 'diff';
import type { MessageVersionView } from '../../messages/dto/message-history.dto.js';
import { ukMediumDateTime } from '../uk-dates.js';

/** One run of words: unchanged, added in the newer version, or removed from the older one. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * The word-level difference between two texts, in reading order. Neighbouring runs of the same
 * kind are joined, so the page shows one `<ins>` for "from 8pm tonight" rather than three.
 */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  for (const change of diffWords(before, after)) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = segments.at(-1);
    if (last?.kind === kind) last.text += change.value;
    else if (change.value !== '') segments.push({ kind, text: change.value });
  }
  return segments;
}

type VersionContent = MessageVersionView['content'];

/**
 * What a resident reads, as one text a reviewer can compare: a text message's body, or a
 * template's parameters one per line (the template's own wording is fixed by WhatsApp).
 */
export function contentText(content: VersionContent): string {
  if (content.kind === 'text') return content.body ?? '';
  return (content.parameters ?? []).join('\n');
}

/** A detail of a version other than its wording, in words a reviewer reads. */
export interface VersionDetail {
  label: string;
  value: string;
}

const when = (iso: string | null): string =>
  iso ? ukMediumDateTime(iso) : 'As soon as it is approved';

/** The details of a version that decide who gets it, when and how. */
export function versionDetails(version: MessageVersionView): VersionDetail[] {
  const { content, audience } = version;
  const details: VersionDetail[] = [
    {
      label: 'Kind',
      value:
        content.kind === 'template'
          ? `WhatsApp template ${content.templateName ?? ''} (${content.language ?? ''})`
          : 'Text message',
    },
    { label: 'Areas', value: audience.areas.join(', ') },
    { label: 'Topics', value: audience.topics.join(', ') },
    { label: 'Priority', value: version.priority === 'emergency' ? 'Emergency' : 'Routine' },
    { label: 'Send', value: when(version.sendAt) },
  ];
  if (version.emergencyReason) {
    details.push({ label: 'Emergency reason', value: version.emergencyReason });
  }
  // A snap poll is part of what is signed off: its options and closing time are compared too.
  if (content.poll) {
    details.push(
      { label: 'Poll options', value: content.poll.options.join(', ') },
      { label: 'Poll closes', value: when(content.poll.closesAt) },
    );
  }
  return details;
}

/** A detail that differs between two versions: what it was and what it is now. */
export interface ChangedDetail {
  label: string;
  before: string;
  after: string;
}

export function changedDetails(
  older: MessageVersionView,
  newer: MessageVersionView,
): ChangedDetail[] {
  const before = new Map(versionDetails(older).map((d) => [d.label, d.value]));
  const after = new Map(versionDetails(newer).map((d) => [d.label, d.value]));
  const labels = [...new Set([...before.keys(), ...after.keys()])];
  return labels.flatMap((label) => {
    const was = before.get(label) ?? 'None';
    const now = after.get(label) ?? 'None';
    return was === now ? [] : [{ label, before: was, after: now }];
  });
}

/**
 * Which two versions to compare when the reviewer has not chosen: the last one someone reviewed
 * (approved or sent back) against the current one, else the one before the current one. Version 1
 * alone has nothing to compare with: `from` is null.
 */
export function defaultComparison(
  current: number,
  reviewedVersions: readonly number[],
): { from: number | null; to: number } {
  const reviewedEarlier = reviewedVersions.filter((v) => v < current);
  if (reviewedEarlier.length > 0) return { from: Math.max(...reviewedEarlier), to: current };
  return { from: current > 1 ? current - 1 : null, to: current };
}

/**
 * The versions the reviewer asked to compare, from the picker's query string; anything that is
 * not an existing version falls back to the default. Comparing a version with itself shows it alone.
 */
export function chosenComparison(
  query: { from?: unknown; to?: unknown },
  existing: readonly number[],
  fallback: { from: number | null; to: number },
): { from: number | null; to: number } {
  const pick = (value: unknown): number | undefined => {
    const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    return existing.includes(n) ? n : undefined;
  };
  const to = pick(query.to) ?? fallback.to;
  const from = query.from === undefined ? fallback.from : (pick(query.from) ?? fallback.from);
  return { from: from === to ? null : from, to };
}
