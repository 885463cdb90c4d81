import { Injectable, Logger } from '@nestjs/common';
import type { FailureClass } from '../../dispatch/outbound-message.js';
import type { E164 } from '../../phone-numbers/phone-number.js';
import type { InboundKind } from '../webhooks/webhook-callbacks.js';

/** A resident's message or tap on one of the council's channels, stored and ready to act on. */
export interface ResidentMessage {
  /** The inbound_messages row. */
  id: string;
  /** Meta's id for the message (wamid): the resident's own evidence of what they sent. */
  providerMessageId: string;
  channelId: string;
  from: E164;
  kind: InboundKind;
  body: string | null;
  replyId: string | null;
  /** The provider id of the message answered, if any. */
  contextId: string | null;
  sentAt: Date;
}

/** A send that the provider reported failed after accepting it. */
export interface DeliveryFailed {
  deliveryId: string;
  channelId: string;
  messageId: string | null;
  code: string;
  class: FailureClass;
  suppressRecipient: boolean;
}

/**
 * Takes a resident's message if it is for this handler (JOIN or STOP for the residents module,
 * a poll answer for polls...) and returns true; false leaves it for others and, in the end, the
 * channel's inbox. Handlers run inside the transaction that stores the message, so what they do
 * commits with it, or not at all.
 */
export type ResidentMessageHandler = (message: ResidentMessage) => Promise<boolean>;
/** Sees every resident's message (inside the same transaction) and never takes one. */
export type ResidentMessageObserver = (message: ResidentMessage) => Promise<void>;
export type DeliveryFailedHandler = (event: DeliveryFailed) => Promise<void>;

/** The domain events that come out of Meta's callbacks, for other modules to subscribe to. */
@Injectable()
export class WhatsAppEvents {
  private readonly logger = new Logger('WhatsAppEvents');
  private readonly messageObservers: ResidentMessageObserver[] = [];
  private readonly messageHandlers: { name: string; handle: ResidentMessageHandler }[] = [];
  private readonly failureHandlers: DeliveryFailedHandler[] = [];

  /**
   * For what every message means whoever takes it (it opens the resident's 24-hour window, say):
   * observers run before any handler, so a handler taking the message cannot hide it from them.
   */
  observeResidentMessages(observe: ResidentMessageObserver): void {
    this.messageObservers.push(observe);
  }

  onResidentMessage(name: string, handle: ResidentMessageHandler): void {
    this.messageHandlers.push({ name, handle });
  }

  onDeliveryFailed(handle: DeliveryFailedHandler): void {
    this.failureHandlers.push(handle);
  }

  /** The name of the handler that took the message, or null when none did. */
  async residentMessage(message: ResidentMessage): Promise<string | null> {
    for (const observe of this.messageObservers) await observe(message);
    for (const { name, handle } of this.messageHandlers) {
      if (await handle(message)) {
        this.logger.debug(`inbound message ${message.id} taken by ${name}`);
        return name;
      }
    }
    return null;
  }

  async deliveryFailed(event: DeliveryFailed): Promise<void> {
    for (const handle of this.failureHandlers) await handle(event);
  }
}
