import type { PollResultsView } from '../../polls/dto/poll-results.dto.js';
import { dateTime } from '../messages/message-display.js';

/** While a poll is open, the page's script asks for new figures this often. */
export const POLL_REFRESH_SECONDS = 5;

export interface PollOptionFigure {
  index: number;
  option: string;
  answers: number;
  /** The share as a whole percentage, 0 to 100, for the bar. */
  percent: number;
  /** "50%". */
  shareText: string;
}

export interface PollAreaFigure {
  name: string;
  answers: number;
  options: { index: number; answers: number; shareText: string }[];
}

/** What the poll results page shows, and its script's JSON: see poll-live.mjs. */
export interface PollPageModel {
  id: string;
  question: string;
  answers: number;
  answersText: string;
  options: PollOptionFigure[];
  areas: PollAreaFigure[];
  closed: boolean;
  statusTag: { text: string; classes: string };
  statusText: string;
  finalText: string | null;
  updatedText: string;
  /** Seconds until the script asks again; null once the poll has closed (nothing more counts). */
  pollAfterSeconds: number | null;
  /** For the live region: the totals in one sentence. */
  summary: string;
}

/** The parts of a message's content (MessageView's) that say what was asked. */
export interface QuestionContent {
  kind: 'text' | 'template';
  body?: string;
  parameters?: string[];
}

const percentOf = (share: number): number => Math.round(share * 100);

/** "1 resident has answered", "1,234 residents have answered", "Nobody has answered yet". */
export function answersText(answers: number): string {
  if (answers === 0) return 'Nobody has answered yet';
  const n = answers.toLocaleString('en-GB');
  return answers === 1 ? '1 resident has answered' : `${n} residents have answered`;
}

/** What residents were asked: a text message's body, or a template's parameters. */
export function pollQuestion(content: QuestionContent): string {
  return content.kind === 'text'
    ? (content.body ?? '')
    : (content.parameters ?? []).filter((p) => p.trim() !== '').join('\n\n');
}

/** The results as the page shows them: counts, shares in words, and the poll's state. */
export function pollPageModel(results: PollResultsView, content: QuestionContent): PollPageModel {
  const options = results.options.map((o) => ({
    index: o.index,
    option: o.option,
    answers: o.answers,
    percent: percentOf(o.share),
    shareText: `${percentOf(o.share)}%`,
  }));
  const areas = results.byArea.map((area) => ({
    name: area.areaName,
    answers: area.answers,
    options: area.options.map((o) => ({
      index: o.index,
      answers: o.answers,
      shareText: `${percentOf(o.share)}%`,
    })),
  }));
  const { closed } = results;
  return {
    id: results.messageId,
    question: pollQuestion(content),
    answers: results.answers,
    answersText: answersText(results.answers),
    options,
    areas,
    closed,
    statusTag: closed
      ? { text: 'Closed', classes: 'govuk-tag--grey' }
      : { text: 'Open', classes: 'govuk-tag--green' },
    statusText: closed
      ? `Closed on ${dateTime(results.closesAt)}. Answers after that are not counted.`
      : `Closes on ${dateTime(results.closesAt)}.`,
    finalText: results.finalisedAt
      ? `Final tallies recorded on ${dateTime(results.finalisedAt)}. They will not change.`
      : null,
    updatedText: `Figures as of ${dateTime(results.generatedAt)}`,
    pollAfterSeconds: closed ? null : POLL_REFRESH_SECONDS,
    summary: `${answersText(results.answers)}: ${options
      .map((o) => `${o.option} ${o.answers}`)
      .join(', ')}.`,
  };
}
