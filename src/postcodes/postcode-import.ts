import { badInput } from '../common/errors/crier-error.js';
import { parseCsv } from './csv.js';
import { normalisePostcode, type Postcode } from './postcode.js';

export interface PostcodeImportError {
  /** The line of the file the record starts on, the header being line 1. */
  line: number;
  code:
    | 'MALFORMED_LINE'
    | 'MISSING_COLUMN'
    | 'INVALID_POSTCODE'
    | 'UNKNOWN_AREA'
    | 'DUPLICATE_IN_IMPORT';
  message: string;
}

export interface PostcodeImportPlan {
  mappings: { postcode: Postcode; areaCode: string }[];
  /** Every line not imported; the caller decides how many to report. */
  errors: PostcodeImportError[];
}

/** Values are echoed in messages (postcodes are not personal data) but never at length. */
const quoted = (value: string) =>
  JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);

/**
 * Reads a `postcode,area` CSV (any other columns, in any order, are ignored) into the mappings
 * to store and an error for each line that cannot be one. A file whose header lacks either
 * column can only fail, so it is refused as a whole.
 */
export function planPostcodeImport(csv: string, knownAreas: Set<string>): PostcodeImportPlan {
  const [header, ...records] = parseCsv(csv);
  const columns = header?.fields?.map((name) => name.trim().toLowerCase()) ?? [];
  const postcodeAt = columns.indexOf('postcode');
  const areaAt = columns.indexOf('area');
  if (postcodeAt === -1 || areaAt === -1) {
    throw badInput(
      'INVALID_CSV_HEADER',
      'The first line must be a header naming the columns "postcode" and "area".',
    );
  }

  const mappings: PostcodeImportPlan['mappings'] = [];
  const errors: PostcodeImportError[] = [];
  const firstLineOf = new Map<Postcode, number>();
  for (const record of records) {
    const { line } = record;
    if (record.malformed !== undefined) {
      errors.push({ line, code: 'MALFORMED_LINE', message: record.malformed });
      continue;
    }
    const rawPostcode = record.fields[postcodeAt]?.trim() ?? '';
    const areaCode = record.fields[areaAt]?.trim() ?? '';
    if (rawPostcode === '' || areaCode === '') {
      const missing = rawPostcode === '' ? 'postcode' : 'area';
      errors.push({ line, code: 'MISSING_COLUMN', message: `The line has no ${missing}.` });
      continue;
    }
    const postcode = normalisePostcode(rawPostcode);
    if (!postcode) {
      errors.push({
        line,
        code: 'INVALID_POSTCODE',
        message: `${quoted(rawPostcode)} is not a UK postcode.`,
      });
      continue;
    }
    if (!knownAreas.has(areaCode)) {
      errors.push({
        line,
        code: 'UNKNOWN_AREA',
        message: `No area has the code ${quoted(areaCode)}; codes are case-sensitive.`,
      });
      continue;
    }
    const earlier = firstLineOf.get(postcode);
    if (earlier !== undefined) {
      errors.push({
        line,
        code: 'DUPLICATE_IN_IMPORT',
        message: `${postcode} is already mapped on line ${earlier} of this file.`,
      });
      continue;
    }
    firstLineOf.set(postcode, line);
    mappings.push({ postcode, areaCode });
  }
  return { mappings, errors };
}
