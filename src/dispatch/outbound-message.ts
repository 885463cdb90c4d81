import type { E164 } from '../phone-numbers/phone-number.js';

/** What can be sent. Providers map these onto their own request shapes. */
export type OutboundContent =
  | {
      kind: 'template';
      templateName: string;
      language: string;
      parameters: string[];
      /**
       * The payload each of the template's quick-reply buttons returns when tapped, by button
       * index: the buttons themselves are fixed when the template is approved.
       */
      quickReplyPayloads?: string[];
    }
  | { kind: 'text'; body: string }
  | { kind: 'buttons'; body: string; buttons: { id: string; title: string }[] }
  | {
      kind: 'list';
      body: string;
      buttonText: string;
      sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
    };

/** The channel as a sender needs it: which provider, and the number it sends from. */
export interface SendingChannel {
  id: string;
  provider: string;
  phoneNumberId: string;
}

export interface SendRequest {
  channel: SendingChannel;
  to: E164;
  content: OutboundContent;
  /**
   * Crier's own id for this send (the delivery id), which the provider echoes in its receipts:
   * it tells whether a send interrupted by a crash went out, so it is neither lost nor repeated.
   */
  reference?: string;
}

/**
 * How a failed send is handled:
 * - `retry`: temporary (throughput, outage, pair rate); try again after a pause;
 * - `recipient`: this person cannot get it (not on WhatsApp, stopped, outside their window);
 * - `message`: the message itself is wrong (unknown or paused template, bad parameter);
 * - `channel`: the channel cannot send at all (token, permission, restriction): pause it.
 */
export type FailureClass = 'retry' | 'recipient' | 'message' | 'channel';

export interface SendFailure {
  class: FailureClass;
  /** The provider's code, e.g. "131026", or Crier's own such as "NETWORK" or "CHANNEL_PAUSED". */
  code: string;
  /** A sentence a person can act on. Never holds the recipient's number. */
  reason: string;
  /** The least a retry should wait (pair rate, maintenance). */
  minRetryDelayMs?: number;
  /** The person asked not to be messaged (or blocked the business): never try them again. */
  suppressRecipient?: boolean;
}

export type SendOutcome =
  | { ok: true; providerMessageId: string; attempts: number }
  | { ok: false; failure: SendFailure; attempts: number };

/** One provider's way of sending a single message once. Retries belong to the Dispatcher. */
export interface MessageSender {
  readonly provider: string;
  sendOnce(request: SendRequest): Promise<{ providerMessageId: string } | SendFailure>;
}

/** Every registered MessageSender, collected by DispatchModule. */
export const MESSAGE_SENDERS = Symbol('MESSAGE_SENDERS');
