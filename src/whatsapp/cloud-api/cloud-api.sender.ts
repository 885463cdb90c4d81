import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Agent, request } from 'undici';
import type { MessageSender, SendFailure, SendRequest } from '../../dispatch/outbound-message.js';
import { CLOUD_API_ENDPOINT, type CloudApiEndpoint } from './cloud-api-endpoint.js';
import { classifyCloudApiError } from './cloud-api-errors.js';
import { cloudApiMessageBody } from './cloud-api-request.js';

export const CLOUD_API_PROVIDER = 'whatsapp-cloud-api';

interface GraphBody {
  messages?: { id?: unknown }[];
  error?: { code?: unknown; message?: unknown };
}

/**
 * Keep-alive connections to the API, at most this many at once: a fan-out's concurrent sends
 * queue for a connection rather than opening hundreds (each costs memory on both ends).
 */
const MAX_CONNECTIONS = 32;

const networkFailure = (reason: string): SendFailure => ({
  class: 'retry',
  code: 'NETWORK',
  reason,
});

/**
 * Sends one message through the WhatsApp Business Cloud API. The simulator is this same class
 * pointed at the simulator's URL: there is no separate fake path.
 */
@Injectable()
export class CloudApiSender implements MessageSender, OnApplicationShutdown {
  readonly provider = CLOUD_API_PROVIDER;
  private readonly dispatcher = new Agent({ connections: MAX_CONNECTIONS });

  constructor(@Inject(CLOUD_API_ENDPOINT) private readonly endpoint: CloudApiEndpoint) {}

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher.close();
  }

  async sendOnce(send: SendRequest): Promise<{ providerMessageId: string } | SendFailure> {
    const { baseUrl, version, accessToken, timeoutMs } = this.endpoint;
    const url = `${baseUrl}/${version}/${encodeURIComponent(send.channel.phoneNumberId)}/messages`;
    let status: number;
    let body: GraphBody | null;
    try {
      // undici's request rather than fetch: the same engine without fetch's per-call overhead,
      // which counts at a thousand sends a second. Connections are kept alive between sends.
      const response = await request(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(cloudApiMessageBody(send.to, send.content, send.reference)),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        dispatcher: this.dispatcher,
      });
      status = response.statusCode;
      body = (await response.body.json().catch(() => null)) as GraphBody | null;
    } catch (error) {
      // A timed-out send may still have been accepted: the caller records the attempt anyway.
      const code = (error as { code?: unknown }).code;
      const timedOut = typeof code === 'string' && code.includes('TIMEOUT');
      return networkFailure(
        timedOut ? 'WhatsApp did not answer in time' : 'WhatsApp could not be reached',
      );
    }
    const id = body?.messages?.[0]?.id;
    if (status >= 200 && status < 300 && typeof id === 'string') return { providerMessageId: id };
    const code = body?.error?.code;
    if (typeof code === 'number') return classifyCloudApiError(code);
    return networkFailure(`WhatsApp answered HTTP ${status} without an error code`);
  }
}
