import {
  EMERGENCY_REVIEW_OUTCOMES,
  type EmergencyReviewOutcome,
} from '../../emergency-reviews/emergency-review-rules.js';
import { MAX_REVIEW_COMMENT } from '../../emergency-reviews/emergency-review.dto.js';

export interface FormProblem {
  text: string;
  href: string;
}

export interface EmergencyReviewFormValues {
  outcome: string;
  comment: string;
}

export interface ParsedEmergencyReviewForm {
  values: EmergencyReviewFormValues;
  problems: FormProblem[];
  /** Present when there are no problems. */
  verdict?: { outcome: EmergencyReviewOutcome; comment: string };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const isOutcome = (value: string): value is EmergencyReviewOutcome =>
  (EMERGENCY_REVIEW_OUTCOMES as readonly string[]).includes(value);

/** The retrospective review form: an outcome and a comment, both needed. */
export function parseEmergencyReviewForm(body: Record<string, unknown>): ParsedEmergencyReviewForm {
  const values = { outcome: text(body.outcome), comment: text(body.comment) };
  const problems: FormProblem[] = [];
  if (!isOutcome(values.outcome)) {
    problems.push({
      text: 'Select whether sending it on one approval was appropriate',
      href: '#outcome',
    });
  }
  const comment = values.comment.trim();
  if (comment.length === 0) {
    problems.push({ text: 'Enter a comment about your review', href: '#comment' });
  } else if (comment.length > MAX_REVIEW_COMMENT) {
    problems.push({
      text: `Comment must be ${MAX_REVIEW_COMMENT.toLocaleString('en-GB')} characters or fewer`,
      href: '#comment',
    });
  }
  if (problems.length > 0 || !isOutcome(values.outcome)) return { values, problems };
  return { values, problems, verdict: { outcome: values.outcome, comment } };
}

/** Each problem's text by field id, for the fields' own error messages. */
export const fieldErrors = (problems: FormProblem[]): Record<string, { text: string }> =>
  Object.fromEntries(problems.map((problem) => [problem.href.slice(1), { text: problem.text }]));

const STATUS_TAGS = {
  due: { text: 'Due', classes: 'govuk-tag--blue' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  done: { text: 'Reviewed', classes: 'govuk-tag--green' },
} as const;

export const reviewStatusTag = (status: keyof typeof STATUS_TAGS) => STATUS_TAGS[status];

export const OUTCOME_WORDS: Record<EmergencyReviewOutcome, string> = {
  appropriate: 'Yes, it was right to send it on one approval',
  not_appropriate: 'No, it should have waited for the usual sign-off',
};
