import { describe, expect, it } from 'vitest';
import { badInput } from '../../common/errors/crier-error.js';
import { MessageErrors } from '../../messages/messages.errors.js';
import { composeErrorFor } from './compose-errors.js';

describe('the domain’s refusals on the compose form', () => {
  it('links each to the field to change, in the form’s words', () => {
    expect(composeErrorFor(MessageErrors.emergencyReasonRequired())).toEqual({
      field: 'emergencyReason',
      text: 'Enter why this message is an emergency',
    });
    expect(composeErrorFor(MessageErrors.sendAtInPast())?.field).toBe('sendAt-day');
    expect(composeErrorFor(badInput('UNKNOWN_AREA', 'No area has the code x.'))).toEqual({
      field: 'areas',
      text: 'No area has the code x.',
    });
    expect(composeErrorFor(MessageErrors.notEditable('in_review'))?.field).toBe('');
  });

  it('leaves anything else to the error page', () => {
    expect(composeErrorFor(MessageErrors.invalidCursor())).toBeNull();
    expect(composeErrorFor(new Error('boom'))).toBeNull();
  });
});
