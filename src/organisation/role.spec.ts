import { describe, expect, it } from 'vitest';
import { whoMay } from './role.js';

describe('whoMay', () => {
  it('names the roles in words, joined as a sentence would', () => {
    expect(whoMay(['admin'])).toBe('administrators');
    expect(whoMay(['service_manager', 'comms_approver'])).toBe(
      'service managers or the communications team',
    );
    expect(whoMay(['officer', 'service_manager', 'comms_approver'])).toBe(
      'officers, service managers or the communications team',
    );
  });
});
