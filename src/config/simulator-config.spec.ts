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
    });
    expect(config).toMatchObject({
      port: 0,
      webhookUrl: 'http://localhost:3000/webhooks/whatsapp',
      appSecret: 'secret',
      accessToken: 'token',
      throughputPerSecond: 5,
      templatesFile: './templates.json',
    });
  });

  it('lists every problem in one error', () => {
    const error = (() => {
      try {
        return loadSimulatorConfig({
          SIM_PORT: '70000',
          SIM_WEBHOOK_URL: 'ftp://x',
          SIM_THROUGHPUT: '0',
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toHaveLength(3);
  });
});
