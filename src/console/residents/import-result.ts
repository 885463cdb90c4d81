import type { ImportErrorCode } from '../../residents/domain/import-rows.js';
import type { ImportResultView } from '../../residents/dto/import.dto.js';

/** What each of the import's codes means, in the words of the README's table. */
export const IMPORT_ERROR_MEANINGS: Record<ImportErrorCode, string> = {
  INVALID_PHONE_NUMBER: 'The phone number is missing or is not a valid number.',
  NO_AREAS: 'No area is given.',
  NO_TOPICS: 'No topic is given.',
  UNKNOWN_AREA: 'An area code does not match any area (codes are case-sensitive).',
  UNKNOWN_TOPIC: 'A topic code does not match any topic (codes are case-sensitive).',
  CONSENT_INCOMPLETE: 'The consent source, date or evidence is missing.',
  INVALID_CONSENT_DATE:
    'The consent date is not a date (2024-05-01) or a date and time with its offset.',
  CONSENT_DATE_IN_FUTURE: 'The consent date is in the future.',
  DUPLICATE_IN_IMPORT: 'The same number is on an earlier line.',
  SUPPRESSED: 'Skipped: this number asked not to be messaged (or was erased).',
  ALREADY_SUBSCRIBED: 'Skipped: this number is already a subscriber.',
};

export interface ImportErrorLine {
  line: number;
  code: string;
  meaning: string;
  /** The service's own words where they add to the meaning (which codes, which columns). */
  detail?: string;
}

const DETAILED = new Set(['UNKNOWN_AREA', 'UNKNOWN_TOPIC', 'CONSENT_INCOMPLETE']);

/** The service's message speaks of the API's fields; the page speaks of the CSV's columns. */
const inColumnNames = (message: string): string =>
  message
    .replaceAll('consent.capturedAt', 'consent_captured_at')
    .replaceAll('consent.source', 'consent_source')
    .replaceAll('consent.evidence', 'consent_evidence');

/** The import's errors by line of the CSV (`lines[index]`), in the order of the file. */
export function importErrorLines(result: ImportResultView, lines: number[]): ImportErrorLine[] {
  return result.errors
    .map((error) => ({
      line: lines[error.index] ?? error.index + 2,
      code: error.code,
      meaning: IMPORT_ERROR_MEANINGS[error.code as ImportErrorCode] ?? error.message,
      detail: DETAILED.has(error.code) ? inColumnNames(error.message) : undefined,
    }))
    .sort((a, b) => a.line - b.line);
}
