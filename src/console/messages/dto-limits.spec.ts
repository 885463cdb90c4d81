import { describe, expect, it } from 'vitest';
import { CreateMessageDto } from '../../messages/dto/message-input.dto.js';
import { declaredLimit, MESSAGE_LIMITS } from './dto-limits.js';

describe('the message forms’ limits', () => {
  it('are the ones the API’s DTOs declare', () => {
    expect(MESSAGE_LIMITS).toEqual({
      body: { min: 1, max: 4096 },
      parameter: { min: 1, max: 1024 },
      parameters: { min: 0, max: 20 },
      emergencyReason: { min: 5, max: 500 },
      cancelReason: { min: 1, max: 500 },
    });
  });

  it('refuses a property with no such limit, rather than guessing one', () => {
    expect(() => declaredLimit(CreateMessageDto, 'priority', 'isLength')).toThrow(/no isLength/);
  });
});
