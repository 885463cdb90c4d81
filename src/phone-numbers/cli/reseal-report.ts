import type { KeyCensus } from '../resealing/sealed-columns.js';
import type { ResealReport } from '../resealing/phone-resealing.service.js';

const row = (label: string, value: number | string): string => `  ${label.padEnd(46)} ${value}`;

/** What `npm run phone-keys:reseal` prints: what it did, then what each key still seals. */
export function resealReportLines(passes: ResealReport[], census: KeyCensus): string[] {
  const [first] = passes;
  const older = first.olderKeyIds.length > 0 ? first.olderKeyIds.join(', ') : 'none';
  const lines = [`Newest key: ${first.newestKeyId} (older keys: ${older})`];
  lines.push(`Re-sealed under ${first.newestKeyId}:`);
  let total = 0;
  for (const column of Object.keys(first.resealed)) {
    const resealed = passes.reduce((sum, pass) => sum + (pass.resealed[column] ?? 0), 0);
    const unreadable = passes.at(-1)?.unreadable[column] ?? 0;
    total += resealed;
    lines.push(
      row(column, unreadable > 0 ? `${resealed} (${unreadable} would not open)` : resealed),
    );
  }
  lines.push(row('total', total));
  lines.push('Rows per key id:');
  for (const { keyId, rows, configured } of census.byKey) {
    const note = keyId === census.newestKeyId ? ' (newest)' : configured ? '' : ' (not configured)';
    lines.push(row(`${keyId}${note}`, rows));
  }
  for (const { keyId, rows, configured } of census.byKey) {
    if (keyId === census.newestKeyId) continue;
    if (rows === 0) {
      lines.push(
        `No rows remain under key ${keyId}: it can be removed from PHONE_ENCRYPTION_KEYS.`,
      );
    } else if (configured) {
      lines.push(`${rows} row(s) remain under key ${keyId}: keep it.`);
    } else {
      lines.push(
        `${rows} row(s) name key ${keyId}, which is not configured: they cannot be opened.`,
      );
    }
  }
  lines.push(
    census.remaining === 0
      ? `OK: every sealed value is under the newest key ${census.newestKeyId}.`
      : `NOT DONE: ${census.remaining} value(s) are not under the newest key ${census.newestKeyId}.`,
  );
  return lines;
}
