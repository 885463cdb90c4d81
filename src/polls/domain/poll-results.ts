import type { PollDefinition } from '../../messages/domain/poll-definition.js';

export interface TallyInput {
  areaCode: string | null;
  optionIndex: number;
  answers: number;
}

export interface OptionResult {
  index: number;
  option: string;
  answers: number;
  /** Share of all answers, 0 to 1 (0 when nobody has answered). */
  share: number;
}

export interface AreaResult {
  /** null: residents who answered and are no longer subscribed to any of the poll's areas. */
  areaCode: string | null;
  areaName: string;
  answers: number;
  options: OptionResult[];
}

export interface PollResults {
  answers: number;
  options: OptionResult[];
  byArea: AreaResult[];
}

function optionResults(poll: PollDefinition, rows: readonly TallyInput[]): OptionResult[] {
  const counts = poll.options.map(() => 0);
  for (const row of rows) {
    if (row.optionIndex >= 0 && row.optionIndex < counts.length) {
      counts[row.optionIndex] += row.answers;
    }
  }
  const total = counts.reduce((sum, n) => sum + n, 0);
  return poll.options.map((option, index) => ({
    index,
    option,
    answers: counts[index],
    share: total === 0 ? 0 : counts[index] / total,
  }));
}

const sum = (options: OptionResult[]) => options.reduce((total, o) => total + o.answers, 0);

/**
 * The tallies as people read them: every option (those nobody chose too), and every area of
 * the poll's audience (those with no answers too), named, in the audience's order, with
 * residents no longer in any of its areas last.
 */
export function pollResults(
  poll: PollDefinition,
  audienceAreas: readonly string[],
  tallies: { overall: readonly TallyInput[]; byArea: readonly TallyInput[] },
  areaNames: ReadonlyMap<string, string>,
): PollResults {
  const options = optionResults(poll, tallies.overall);
  const areaCodes: (string | null)[] = [...audienceAreas];
  for (const row of tallies.byArea) {
    if (!areaCodes.includes(row.areaCode)) areaCodes.push(row.areaCode);
  }
  const byArea = areaCodes
    .map((areaCode) => {
      const areaOptions = optionResults(
        poll,
        tallies.byArea.filter((row) => row.areaCode === areaCode),
      );
      return {
        areaCode,
        areaName:
          areaCode === null ? 'No longer in these areas' : (areaNames.get(areaCode) ?? areaCode),
        answers: sum(areaOptions),
        options: areaOptions,
      };
    })
    .filter((area) => area.areaCode !== null || area.answers > 0);
  return { answers: sum(options), options, byArea };
}

/** A cell a spreadsheet will show as text: quoted, and never read as a formula. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The results as CSV: one row per area and option, the whole poll first as area "all". */
export function pollResultsCsv(results: PollResults): string {
  const lines = [['area_code', 'area', 'option', 'answers'].join(',')];
  for (const option of results.options) {
    lines.push(['all', 'All areas', option.option, option.answers].map(csvCell).join(','));
  }
  for (const area of results.byArea) {
    for (const option of area.options) {
      lines.push(
        [area.areaCode ?? 'none', area.areaName, option.option, option.answers]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
