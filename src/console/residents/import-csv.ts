import type { ImportRowInput } from '../../residents/domain/import-rows.js';
import { MAX_IMPORT_ROWS } from '../../residents/dto/import.dto.js';

/** The columns an import's CSV has, in this order, with a header row naming them. */
export const IMPORT_COLUMNS = [
  'phone',
  'areas',
  'topics',
  'consent_source',
  'consent_captured_at',
  'consent_evidence',
] as const;

/** What the import page shows as an example; it is also a valid import of the demo council. */
export const IMPORT_EXAMPLE = [
  IMPORT_COLUMNS.join(','),
  '07700 900123,northfield,gritting;roads,paper form at Northfield library,2024-05-01,Form 118',
  '+447700900124,southbank eastmoor,bins,council website,2024-06-12T09:15:00+01:00,"Web form, reference 2231"',
].join('\n');

export interface ImportCsv {
  /** The rows as `SubscriberImportService.import` takes them, in the order of the file. */
  rows: ImportRowInput[];
  /** The line of the file each row came from (from 1, the header being line 1). */
  lines: number[];
  /** Why the whole text could not be read; when set, nothing should be imported. */
  problem?: string;
}

/**
 * Reads the pasted CSV into import rows. The header row is required (so a file with columns in
 * another order is read correctly, and a missing column is caught before anything is imported);
 * blank lines are skipped. Each row's content is not checked here: the import service reports
 * every row's problems by its position, which `lines` turns back into a line of the file.
 */
export function parseImportCsv(text: string): ImportCsv {
  // Spreadsheet programs often start a saved CSV with a byte-order mark.
  const records = readCsv(text.replace(/^\uFEFF/, ''));
  if (records === undefined) {
    return { rows: [], lines: [], problem: 'A quoted value is not closed: check the quotes (").' };
  }
  const nonBlank = records.filter((record) => record.fields.some((field) => field.trim() !== ''));
  const [header, ...data] = nonBlank;
  if (!header) return { rows: [], lines: [], problem: 'Enter the CSV, with its header row.' };

  const names = header.fields.map((name) => name.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return {
      rows: [],
      lines: [],
      problem: `The first line must name the columns. Missing: ${missing.join(', ')}.`,
    };
  }
  if (data.length === 0) {
    return { rows: [], lines: [], problem: 'The CSV has a header row but no residents.' };
  }
  if (data.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      lines: [],
      problem: `Import at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} residents at a time; split the list.`,
    };
  }
  const column = (fields: string[], name: (typeof IMPORT_COLUMNS)[number]) =>
    (fields[names.indexOf(name)] ?? '').trim();

  return {
    rows: data.map(({ fields }) => ({
      phone: column(fields, 'phone'),
      areas: codeList(column(fields, 'areas')),
      topics: codeList(column(fields, 'topics')),
      consent: {
        source: column(fields, 'consent_source'),
        capturedAt: column(fields, 'consent_captured_at'),
        evidence: column(fields, 'consent_evidence'),
      },
    })),
    lines: data.map((record) => record.line),
  };
}

/** `northfield southbank` or `northfield;southbank` (a comma would end the CSV field). */
export const codeList = (value: string): string[] =>
  value.split(/[\s;]+/).filter((code) => code !== '');

interface CsvRecord {
  fields: string[];
  /** The line the record starts on, from 1. */
  line: number;
}

/**
 * RFC 4180 CSV: commas between fields, double quotes around a field holding a comma, quote or
 * line break, `""` for a quote inside one. Undefined when a quoted field is never closed.
 */
export function readCsv(text: string): CsvRecord[] | undefined {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ fields, line: recordLine });
      fields = [];
      field = '';
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) return undefined;
  fields.push(field);
  records.push({ fields, line: recordLine });
  return records;
}
