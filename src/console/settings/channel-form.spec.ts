import { describe, expect, it } from 'vitest';
import { parseChannelForm } from './channel-form.js';

const SERVICE = '7b0e2a52-7d0c-4a0e-9a57-8f1e3a4f7d10';
const form = {
  name: 'Youth',
  kind: 'service',
  serviceId: SERVICE,
  phoneNumberId: '106540352242923',
  displayPhoneNumber: '+44 1632 960001',
  model: 'b',
};

describe('parseChannelForm', () => {
  it('builds a service channel with the chosen model', () => {
    const { channel, problems } = parseChannelForm(form, [SERVICE]);
    expect(problems).toEqual([]);
    expect(channel).toMatchObject({ kind: 'service', serviceId: SERVICE, model: { id: 'b' } });
  });

  it('leaves the service out of a corporate channel', () => {
    const { channel } = parseChannelForm({ ...form, kind: 'corporate', model: 'a' }, [SERVICE]);
    expect(channel).not.toHaveProperty('serviceId');
  });

  it('names each problem', () => {
    const { channel, problems } = parseChannelForm(
      { kind: 'service', serviceId: 'other', phoneNumberId: '12', displayPhoneNumber: 'x' },
      [SERVICE],
    );
    expect(channel).toBeUndefined();
    expect(problems.map((problem) => problem.href)).toEqual([
      '#name',
      '#serviceId',
      '#phoneNumberId',
      '#displayPhoneNumber',
      '#model',
    ]);
  });
});
