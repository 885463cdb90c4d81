import { describe, expect, it } from 'vitest';
import { pollResults, pollResultsCsv } from './poll-results.js';

const poll = { options: ['Yes', 'No', 'Not sure'], closesAt: '2026-12-05T10:00:00Z' };
const names = new Map([
  ['northfield', 'Northfield'],
  ['southbank', 'Southbank'],
]);

describe('pollResults', () => {
  it('lists every option and every audience area, answered or not, with shares', () => {
    const results = pollResults(
      poll,
      ['northfield', 'southbank'],
      {
        overall: [
          { areaCode: null, optionIndex: 0, answers: 3 },
          { areaCode: null, optionIndex: 1, answers: 1 },
        ],
        byArea: [
          { areaCode: 'northfield', optionIndex: 0, answers: 3 },
          { areaCode: 'northfield', optionIndex: 1, answers: 1 },
        ],
      },
      names,
    );
    expect(results.answers).toBe(4);
    expect(results.options).toEqual([
      { index: 0, option: 'Yes', answers: 3, share: 0.75 },
      { index: 1, option: 'No', answers: 1, share: 0.25 },
      { index: 2, option: 'Not sure', answers: 0, share: 0 },
    ]);
    expect(results.byArea.map((area) => [area.areaName, area.answers])).toEqual([
      ['Northfield', 4],
      ['Southbank', 0],
    ]);
  });

  it('puts residents no longer in any of the areas last, and only when there are some', () => {
    const results = pollResults(
      poll,
      ['northfield'],
      {
        overall: [{ areaCode: null, optionIndex: 2, answers: 1 }],
        byArea: [{ areaCode: null, optionIndex: 2, answers: 1 }],
      },
      names,
    );
    expect(results.byArea.map((area) => area.areaName)).toEqual([
      'Northfield',
      'No longer in these areas',
    ]);
    const none = pollResults(poll, ['northfield'], { overall: [], byArea: [] }, names);
    expect(none.byArea.map((area) => area.areaCode)).toEqual(['northfield']);
    expect(none.options.every((option) => option.share === 0)).toBe(true);
  });
});

describe('pollResultsCsv', () => {
  it('writes the whole poll then each area, and defuses cells a spreadsheet would run', () => {
    const csv = pollResultsCsv(
      pollResults(
        { options: ['=HYPERLINK("x")', 'No'], closesAt: poll.closesAt },
        ['northfield'],
        {
          overall: [{ areaCode: null, optionIndex: 0, answers: 2 }],
          byArea: [{ areaCode: 'northfield', optionIndex: 0, answers: 2 }],
        },
        names,
      ),
    );
    expect(csv.split('\r\n')).toEqual([
      'area_code,area,option,answers',
      `all,All areas,"'=HYPERLINK(""x"")",2`,
      'all,All areas,No,0',
      `northfield,Northfield,"'=HYPERLINK(""x"")",2`,
      'northfield,Northfield,No,0',
      '',
    ]);
  });
});
