/** One record of a CSV file, or why it could not be read, with the line it starts on (from 1). */
export type CsvRecord =
  | { line: number; fields: string[]; malformed?: undefined }
  | { line: number; fields?: undefined; malformed: string };

/**
 * A small RFC 4180 reader: comma-separated fields, double-quoted fields that may hold commas,
 * quotes (doubled) and line breaks, and CRLF, LF or CR line endings. Written by hand because it
 * is this small; it never throws, so that a bad line is that line's error, not a 500.
 *
 * Blank lines are left out. A byte-order mark (Excel's "CSV UTF-8") is ignored.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let at = 0;
  let line = 1;

  while (at < input.length) {
    const startLine = line;
    const fields: string[] = [];
    let malformed: string | undefined;
    let recordDone = false;

    while (!recordDone) {
      let field = '';
      const quoted = input[at] === '"';
      if (quoted) {
        // A quoted field runs to the next quote that is not doubled.
        at += 1;
        let closed = false;
        while (at < input.length) {
          const quote = input.indexOf('"', at);
          if (quote === -1) break;
          field += input.slice(at, quote);
          line += countLineBreaks(input, at, quote);
          if (input[quote + 1] === '"') {
            field += '"';
            at = quote + 2;
          } else {
            at = quote + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          line += countLineBreaks(input, at, input.length);
          at = input.length;
          malformed ??= 'A quoted field is not closed before the end of the file.';
        }
      }
      // Unquoted text, or whatever follows a closing quote, up to the next comma or line end.
      let end = at;
      while (end < input.length && !isDelimiter(input[end])) end += 1;
      if (quoted && end > at) {
        malformed ??= 'A quoted field is followed by other text before the next comma.';
      }
      field += input.slice(at, end);
      fields.push(field);
      at = end;

      if (at >= input.length) {
        recordDone = true;
      } else if (input[at] === ',') {
        at += 1;
      } else {
        at += input[at] === '\r' && input[at + 1] === '\n' ? 2 : 1;
        line += 1;
        recordDone = true;
      }
    }

    if (malformed) records.push({ line: startLine, malformed });
    else if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
  }
  return records;
}

const isDelimiter = (char: string | undefined) => char === ',' || char === '\n' || char === '\r';

/** Line breaks in text[from, to), counting CRLF once. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) count += 1;
  }
  return count;
}
