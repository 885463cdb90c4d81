import { describe, expect, it } from 'vitest';
import { badInput } from '../../common/errors/crier-error.js';
import { MessageErrors } from '../../messages/messages.errors.js';
import { composeErrorFor, composeErrorsFor } from './compose-errors.js';

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

  it('links each of an INVALID_POLL’s problems to the options, the closing time or the question', () => {
    expect(
      composeErrorsFor(
        MessageErrors.invalidPoll([
          'option 2 is longer than 20 characters',
          'the poll must close after the message goes out',
          "a poll's question can be at most 1024 characters",
          'closesAt must be a date and time',
        ]),
      ),
    ).toEqual([
      { field: 'pollOptions', text: 'Option 2 is longer than 20 characters' },
      { field: 'pollClosesAt-day', text: 'The poll must close after the message goes out' },
      { field: 'body', text: "A poll's question can be at most 1024 characters" },
      { field: 'pollClosesAt-day', text: 'Closing date must be a real date and time' },
    ]);
    expect(composeErrorsFor(MessageErrors.sendAtInPast())?.[0].field).toBe('sendAt-day');
    expect(composeErrorsFor(new Error('boom'))).toBeNull();
  });
});
