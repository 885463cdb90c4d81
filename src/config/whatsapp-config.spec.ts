import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadConfig } from './load-config.js';
import { DEFAULT_OPT_IN_TEMPLATE } from './whatsapp-config.js';

const CLOUD_API = {
  WHATSAPP_ACCESS_TOKEN: 'token-123',
  WHATSAPP_APP_SECRET: 'secret-123',
  WHATSAPP_VERIFY_TOKEN: 'verify-123',
};

describe('WHATSAPP_OPT_IN_TEMPLATE', () => {
  it('defaults to subscription_confirmation, on the simulator and the Cloud API alike', () => {
    expect(DEFAULT_OPT_IN_TEMPLATE).toBe('subscription_confirmation');
    expect(loadConfig({}).whatsapp.optInTemplate).toBe(DEFAULT_OPT_IN_TEMPLATE);
    expect(loadConfig(CLOUD_API).whatsapp.optInTemplate).toBe(DEFAULT_OPT_IN_TEMPLATE);
  });

  it('names the council’s own approved template, without leaving the simulator', () => {
    const { whatsapp } = loadConfig({ WHATSAPP_OPT_IN_TEMPLATE: 'ebc_confirm_alerts' });
    expect(whatsapp.optInTemplate).toBe('ebc_confirm_alerts');
    expect(whatsapp.mode).toBe('embedded-simulator');
  });

  it('refuses a name Meta would not approve', () => {
    const error = (() => {
      try {
        return loadConfig({ WHATSAPP_OPT_IN_TEMPLATE: 'Confirm Alerts' });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual([
      expect.stringContaining('WHATSAPP_OPT_IN_TEMPLATE'),
    ]);
  });
});

describe('WHATSAPP_TEMPLATE_PRICE', () => {
  it("reads the council's rate", () => {
    expect(
      loadConfig({ ...CLOUD_API, WHATSAPP_TEMPLATE_PRICE: 'GBP 0.0158' }).whatsapp.pricing,
    ).toEqual({ currency: 'GBP', perMessage: 0.0158, example: false });
  });

  it('shows an example price on the embedded simulator, and none on the Cloud API unless set', () => {
    expect(loadConfig({}).whatsapp.pricing).toMatchObject({ currency: 'GBP', example: true });
    expect(loadConfig(CLOUD_API).whatsapp.pricing).toBeNull();
  });

  it('refuses a price without its currency', () => {
    expect(() => loadConfig({ WHATSAPP_TEMPLATE_PRICE: '0.0158' })).toThrow(
      /WHATSAPP_TEMPLATE_PRICE/,
    );
  });
});
