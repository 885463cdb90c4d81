import type { ShownButton } from './templates.js';
import type { JsonObject, OutgoingType } from './validate-message.js';

/** A message the simulator accepted: what reached the handset. */
export interface LoggedMessage {
  id: string;
  to: string;
  waId: string;
  phoneNumberId: string;
  type: OutgoingType;
  payload: JsonObject;
  /** A template's buttons with their payloads: what a resident can tap. None for other types. */
  buttons: ShownButton[];
  /** ISO 8601, from the simulator's clock. */
  at: string;
  /** Set when the send was accepted but delivery fails: the code its `failed` status carries. */
  failureCode: number | null;
  /** The sender's biz_opaque_callback_data, echoed in status webhooks. */
  callbackData: string | null;
}

/** Accepted messages in the order they were accepted. */
export class MessageLog {
  private readonly messages: LoggedMessage[] = [];

  add(message: LoggedMessage): void {
    this.messages.push(message);
  }

  /**
   * What reached the handsets: for one recipient (however the number is written, matched on its
   * digits), or all. A message whose delivery fails never reached one, so it is left out.
   */
  list(waId: string | null): LoggedMessage[] {
    return this.messages.filter(
      (m) => m.failureCode === null && (waId === null || m.waId === waId),
    );
  }

  find(id: string): LoggedMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages.length = 0;
  }
}
