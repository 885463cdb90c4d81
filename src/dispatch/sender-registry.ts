import { Inject, Injectable } from '@nestjs/common';
import { MESSAGE_SENDERS, type MessageSender } from './outbound-message.js';

/**
 * Picks the sender for a channel's provider. A new provider (GOV.UK Notify for SMS, say) is a new
 * MessageSender added to DispatchModule's list; callers do not change.
 */
@Injectable()
export class SenderRegistry {
  private readonly byProvider: Map<string, MessageSender>;

  constructor(@Inject(MESSAGE_SENDERS) senders: MessageSender[]) {
    this.byProvider = new Map(senders.map((sender) => [sender.provider, sender]));
  }

  forProvider(provider: string): MessageSender | null {
    return this.byProvider.get(provider) ?? null;
  }
}
