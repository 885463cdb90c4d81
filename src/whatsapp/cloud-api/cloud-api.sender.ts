import { Inject, Injectable } from '@nestjs/common';
import type { MessageSender, SendFailure, SendRequest } from '../../dispatch/outbound-message.js';
import { CLOUD_API_ENDPOINT, type CloudApiEndpoint } from './cloud-api-endpoint.js';
import { classifyCloudApiError } from './cloud-api-errors.js';
import { cloudApiMessageBody } from './cloud-api-request.js';

export const CLOUD_API_PROVIDER = 'whatsapp-cloud-api';

interface GraphSuccess {
  messages?: { id?: unknown }[];
}
interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown };
}

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
export class CloudApiSender implements MessageSender {
  readonly provider = CLOUD_API_PROVIDER;

  constructor(@Inject(CLOUD_API_ENDPOINT) private readonly endpoint: CloudApiEndpoint) {}

  async sendOnce(request: SendRequest): Promise<{ providerMessageId: string } | SendFailure> {
    const { baseUrl, version, accessToken, timeoutMs } = this.endpoint;
    const url = `${baseUrl}/${version}/${encodeURIComponent(request.channel.phoneNumberId)}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(cloudApiMessageBody(request.to, request.content, request.reference)),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // A timeout may still have been accepted; the caller records the attempt either way.
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return networkFailure(
        timedOut ? 'WhatsApp did not answer in time' : 'WhatsApp could not be reached',
      );
    }
    const body = (await response.json().catch(() => null)) as
      (GraphSuccess & GraphErrorBody) | null;
    const id = body?.messages?.[0]?.id;
    if (response.ok && typeof id === 'string') return { providerMessageId: id };
    const code = body?.error?.code;
    if (typeof code === 'number') return classifyCloudApiError(code);
    return networkFailure(`WhatsApp answered HTTP ${response.status} without an error code`);
  }
}
