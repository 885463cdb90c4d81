import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { WhatsAppConfig } from '../config/app-config.js';
import { type RunningSimulator, startSimulator } from '../simulator/start-simulator.js';
import type { CloudApiEndpoint } from './cloud-api/cloud-api-endpoint.js';

/**
 * The Cloud API endpoint Crier sends to. On the embedded defaults (no WhatsApp settings, not
 * production) that is the simulator, started here in-process; its status callbacks come back to
 * this process's own /webhooks/whatsapp, signed like Meta's, once the server is listening.
 */
export async function cloudApiEndpoint(
  config: WhatsAppConfig,
  http: HttpAdapterHost,
): Promise<{ endpoint: CloudApiEndpoint; simulator: RunningSimulator | null }> {
  const endpoint: CloudApiEndpoint = {
    baseUrl: config.apiBaseUrl,
    version: config.apiVersion,
    accessToken: config.accessToken,
    timeoutMs: config.sendTimeoutMs,
  };
  if (config.mode !== 'embedded-simulator' || !config.embeddedSimulator) {
    return { endpoint, simulator: null };
  }
  const ownWebhook = () => {
    const server = http.httpAdapter?.getHttpServer() as Server | undefined;
    const address = server?.address() as AddressInfo | null | undefined;
    return address ? `http://127.0.0.1:${address.port}/webhooks/whatsapp` : null;
  };
  const simulator = await startSimulator(config.embeddedSimulator, {
    webhookUrl: ownWebhook,
    log: (line) => new Logger('WhatsAppSimulator').warn(line),
  });
  new Logger('WhatsApp').log(
    `No WhatsApp settings: sending to the built-in simulator at ${simulator.url}`,
  );
  return { endpoint: { ...endpoint, baseUrl: simulator.url }, simulator };
}
