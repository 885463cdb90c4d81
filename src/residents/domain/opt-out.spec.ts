import { describe, expect, it } from 'vitest';
import { stopConfirmation, suppressionReasonForProviderCode } from './opt-out.js';

describe('opting out', () => {
  it('records a block as blocked and a turned-off number as provider_stopped', () => {
    expect(suppressionReasonForProviderCode('130403')).toBe('blocked');
    expect(suppressionReasonForProviderCode('131050')).toBe('provider_stopped');
  });

  it('confirms STOP naming the channel and how to come back', () => {
    expect(stopConfirmation('Cheshire East Council')).toBe(
      'You will get no more messages from Cheshire East Council. Send JOIN to sign up again.',
    );
  });

  it('confirms in Welsh when asked to', () => {
    expect(stopConfirmation('Cyngor Sir Ynys Môn', 'cy')).toBe(
      'Fyddwch chi ddim yn cael rhagor o negeseuon gan Cyngor Sir Ynys Môn. Anfonwch YMUNO i ymuno eto.',
    );
  });
});
