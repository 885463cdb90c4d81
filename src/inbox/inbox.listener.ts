import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import { WhatsAppEvents } from '../whatsapp/inbound/whatsapp-events.js';
import { InboxRepository } from './inbox.repository.js';

export const INBOX_HANDLER = 'inbox';

/**
 * Files residents' messages that no module took into their channel's inbox. It never takes a
 * message (they stay `handled_by` null, which is what "in the inbox" means), so it must run
 * after every handler that might: it subscribes at bootstrap, after every module's init, where
 * the others subscribe.
 */
@Injectable()
export class InboxListener implements OnApplicationBootstrap {
  constructor(
    private readonly events: WhatsAppEvents,
    private readonly inbox: InboxRepository,
    private readonly vault: PhoneVault,
  ) {}

  onApplicationBootstrap(): void {
    this.events.onResidentMessage(INBOX_HANDLER, async (message) => {
      // Inside the webhook's transaction: the conversation commits with the message.
      await this.inbox.recordInbound(
        message.channelId,
        this.vault.lookupHash(message.from),
        message.sentAt,
      );
      return false;
    });
  }
}
