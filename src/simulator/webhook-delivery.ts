import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import type { JsonObject } from './validate-message.js';

export interface WebhookDeliveryOptions {
  /** Where webhooks go, asked at each delivery (an in-process receiver's port may come later). */
  url: () => string | null;
  appSecret: string;
  maxAttempts: number;
  retryBaseMs: number;
  log: (line: string) => void;
}

/** Meta's `X-Hub-Signature-256` value for these exact bytes. */
export function signature(rawBody: string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('hex')}`;
}

// Meta escapes non-ASCII as \uXXXX, which is why receivers must sign the raw bytes, not re-serialised JSON.
function serialise(event: JsonObject): string {
  return JSON.stringify(event).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const ATTEMPT_TIMEOUT_MS = 10_000;
/** Like Meta, a bounded number of concurrent connections to the receiver; the rest queue. */
const MAX_CONNECTIONS = 16;

/**
 * Posts signed webhook events, retrying with exponential backoff until the receiver answers 200
 * or the attempts run out. Meta keeps trying for days; a bounded count keeps tests and demos tidy.
 */
export class WebhookDelivery {
  private readonly dispatcher = new Agent({ connections: MAX_CONNECTIONS });

  constructor(private readonly options: WebhookDeliveryOptions) {}

  /** Closes the kept-alive connections (the simulator is shutting down). */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  get enabled(): boolean {
    return this.options.url() !== null;
  }

  /** Resolves true once delivered, false if it gave up or was cancelled; never rejects. */
  async deliver(event: JsonObject, signal: AbortSignal): Promise<boolean> {
    const { appSecret, maxAttempts, retryBaseMs, log } = this.options;
    if (this.options.url() === null) return false;
    const body = serialise(event);
    const headers = {
      'content-type': 'application/json',
      'x-hub-signature-256': signature(body, appSecret),
    };
    let lastOutcome = 'no attempt';
    for (let attempt = 1; attempt <= maxAttempts && !signal.aborted; attempt += 1) {
      // Asked at each attempt: the receiver may have moved (restarted on another port, say).
      const url = this.options.url();
      if (url === null) return false;
      try {
        // undici's request rather than fetch: thousands of callbacks a second in a benchmark.
        const response = await request(url, {
          method: 'POST',
          headers,
          body,
          signal,
          headersTimeout: ATTEMPT_TIMEOUT_MS,
          bodyTimeout: ATTEMPT_TIMEOUT_MS,
          dispatcher: this.dispatcher,
        });
        await response.body.dump();
        if (response.statusCode === 200) return true;
        lastOutcome = `HTTP ${response.statusCode}`;
      } catch (error) {
        lastOutcome = error instanceof Error ? error.name : 'error';
      }
      if (attempt < maxAttempts) {
        try {
          await sleep(retryBaseMs * 2 ** (attempt - 1), undefined, { signal });
        } catch {
          return false; // Cancelled by reset or close.
        }
      }
    }
    if (!signal.aborted) {
      // The body is not logged: it holds residents' numbers.
      log(`webhook delivery gave up after ${maxAttempts} attempts (${lastOutcome})`);
    }
    return false;
  }
}
