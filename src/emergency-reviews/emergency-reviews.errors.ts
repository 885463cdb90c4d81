import { conflict, forbidden, notFound } from '../common/errors/crier-error.js';
import type { ReviewerRefusal } from './emergency-review-rules.js';

export const EmergencyReviewErrors = {
  notFound: () =>
    notFound(
      'EMERGENCY_REVIEW_NOT_FOUND',
      'There is no emergency review with that id that you can see.',
    ),
  alreadyReviewed: () =>
    conflict('EMERGENCY_REVIEW_DONE', 'Someone has already reviewed this emergency message.'),
  notAnApprover: () =>
    forbidden(
      'NOT_AN_APPROVER',
      "Only an approver of the message's channel can review an emergency sent on one approval.",
    ),
  secondApproverRequired: (refusal: ReviewerRefusal) =>
    forbidden(
      'SECOND_APPROVER_REQUIRED',
      refusal === 'APPROVED_IT'
        ? 'You approved this emergency message, so another approver must review it.'
        : 'You wrote or edited this emergency message, so another approver must review it.',
    ),
};
