import { describe, expect, it } from 'vitest';
import type { PollResultsView } from '../../polls/dto/poll-results.dto.js';
import { answersText, pollPageModel, pollQuestion } from './poll-page-model.js';

const ID = '0b9c7e4e-1d2f-4a55-8f0e-2f6a1b7c9d10';
const results = (extra: Partial<PollResultsView> = {}): PollResultsView => ({
  messageId: ID,
  answers: 3,
  options: [
    { index: 0, option: 'Yes', answers: 2, share: 2 / 3 },
    { index: 1, option: 'No', answers: 1, share: 1 / 3 },
  ],
  byArea: [
    {
      areaCode: 'northfield',
      areaName: 'Northfield',
      answers: 3,
      options: [
        { index: 0, option: 'Yes', answers: 2, share: 2 / 3 },
        { index: 1, option: 'No', answers: 1, share: 1 / 3 },
      ],
    },
  ],
  closesAt: '2027-07-14T16:00:00Z',
  closed: false,
  finalisedAt: null,
  generatedAt: '2027-07-14T13:05:00Z',
  ...extra,
});

describe('the poll results page', () => {
  it('shows counts and shares, and asks again every few seconds while the poll is open', () => {
    const model = pollPageModel(results(), { kind: 'text', body: 'Move the market?' });
    expect(model.question).toBe('Move the market?');
    expect(model.options).toEqual([
      { index: 0, option: 'Yes', answers: 2, percent: 67, shareText: '67%' },
      { index: 1, option: 'No', answers: 1, percent: 33, shareText: '33%' },
    ]);
    expect(model.areas).toEqual([
      {
        name: 'Northfield',
        answers: 3,
        options: [
          { index: 0, answers: 2, shareText: '67%' },
          { index: 1, answers: 1, shareText: '33%' },
        ],
      },
    ]);
    expect(model.answersText).toBe('3 residents have answered');
    expect(model.statusTag.text).toBe('Open');
    expect(model.statusText).toBe('Closes on Wednesday 14 July 2027 at 5pm.');
    expect(model.pollAfterSeconds).toBe(5);
    expect(model.finalText).toBeNull();
    expect(model.summary).toBe('3 residents have answered: Yes 2, No 1.');
  });

  it('stops asking once closed, and says when the final tallies were recorded', () => {
    const model = pollPageModel(results({ closed: true, finalisedAt: '2027-07-14T16:10:00Z' }), {
      kind: 'template',
      parameters: ['Cycle lane?', ' '],
    });
    expect(model.statusTag).toEqual({ text: 'Closed', classes: 'govuk-tag--grey' });
    expect(model.statusText).toMatch(/^Closed on Wednesday 14 July 2027 at 5pm/);
    expect(model.finalText).toBe(
      'Final tallies recorded on Wednesday 14 July 2027 at 5:10pm. They will not change.',
    );
    expect(model.pollAfterSeconds).toBeNull();
    expect(model.question).toBe('Cycle lane?');
  });

  it('words the number of answers', () => {
    expect(answersText(0)).toBe('Nobody has answered yet');
    expect(answersText(1)).toBe('1 resident has answered');
    expect(answersText(1234)).toBe('1,234 residents have answered');
    expect(pollQuestion({ kind: 'text' })).toBe('');
  });
});
