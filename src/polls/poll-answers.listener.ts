import { Injectable, type OnModuleInit } from '@nestjs/common';
import { parsePollReplyId } from '../messages/domain/poll-definition.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import { type ResidentMessage, WhatsAppEvents } from '../whatsapp/inbound/whatsapp-events.js';
import { PollsRepository } from './polls.repository.js';

export const POLLS_HANDLER = 'polls';

/**
 * A resident's tap on a poll option (a reply button, a list row or a template's quick reply,
 * whose id names the message and the option). Runs in the transaction that stores the
 * callback. Taps on a poll this number was not sent, after the closing time, or after the
 * final tallies, are taken and not counted; a tap naming no poll Crier knows is left for the
 * inbox.
 */
@Injectable()
export class PollAnswersListener implements OnModuleInit {
  constructor(
    private readonly events: WhatsAppEvents,
    private readonly polls: PollsRepository,
    private readonly vault: PhoneVault,
  ) {}

  onModuleInit(): void {
    this.events.onResidentMessage(POLLS_HANDLER, (message) => this.onMessage(message));
  }

  private async onMessage(message: ResidentMessage): Promise<boolean> {
    const answer = parsePollReplyId(message.replyId);
    if (!answer) return false;
    const record = await this.polls.find(answer.messageId);
    if (
      !record ||
      record.channelId !== message.channelId ||
      answer.index >= record.poll.options.length
    ) {
      return false;
    }
    const open =
      record.closedAt === null && message.sentAt.getTime() <= Date.parse(record.poll.closesAt);
    if (open) {
      await this.polls.recordAnswer({
        messageId: record.messageId,
        voterHash: this.vault.lookupHash(message.from),
        optionIndex: answer.index,
        audienceAreas: record.audience.areas,
        answeredAt: message.sentAt,
        providerMessageId: message.providerMessageId,
      });
    }
    return true;
  }
}
