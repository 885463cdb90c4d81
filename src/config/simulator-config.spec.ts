import { describe, expect, it } from 'vitest';
import { ConfigurationError } from './load-config.js';
import { loadSimulatorConfig } from './simulator-config.js';

describe('loadSimulatorConfig', () => {
  it('has working defaults, so the simulator starts with no setup', () => {
    expect(loadSimulatorConfig({})).toMatchObject({
      port: 4010,
      webhookUrl: null,
      throughputPerSecond: 80,
      templatesFile: null,
      // Small but not zero, so a demo meets Meta's duplicates and disorder without asking.
      webhookDuplicateRate: 0.02,
      webhookReorderRate: 0.02,
    });
  });

  it('reads the SIM_ variables', () => {
    const config = loadSimulatorConfig({
      SIM_PORT: '0',
      SIM_WEBHOOK_URL: 'http://localhost:3000/webhooks/whatsapp',
      SIM_APP_SECRET: 'secret',
      SIM_ACCESS_TOKEN: 'token',
      SIM_THROUGHPUT: '5',
      SIM_TEMPLATES: './templates.json',
      SIM_WEBHOOK_DUPLICATE_RATE: '0.5',
      SIM_WEBHOOK_REORDER_RATE: '1',
    });
    expect(config).toMatchObject({
      port: 0,
      webhookUrl: 'http://localhost:3000/webhooks/whatsapp',
      appSecret: 'secret',
      accessToken: 'token',
      throughputPerSecond: 5,
      templatesFile: './templates.json',
      webhookDuplicateRate: 0.5,
      webhookReorderRate: 1,
    });
  });

  it('accepts 0 to turn duplicates and disorder off', () => {
    const config = loadSimulatorConfig({
      SIM_WEBHOOK_DUPLICATE_RATE: '0',
      SIM_WEBHOOK_REORDER_RATE: '0.0',
    });
    expect(config).toMatchObject({ webhookDuplicateRate: 0, webhookReorderRate: 0 });
  });

  it('lists every problem in one error', () => {
    const error = (() => {
      try {
        return loadSimulatorConfig({
          SIM_PORT: '70000',
          SIM_WEBHOOK_URL: 'ftp://x',
          SIM_THROUGHPUT: '0',
          SIM_WEBHOOK_DUPLICATE_RATE: '1.5',
          SIM_WEBHOOK_REORDER_RATE: '-0.1',
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toHaveLength(5);
    expect((error as ConfigurationError).problems).toContain(
      'SIM_WEBHOOK_REORDER_RATE must be a number from 0 to 1',
    );
  });
});
