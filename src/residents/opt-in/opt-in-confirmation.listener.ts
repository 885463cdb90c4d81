import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLog } from '../../audit/audit-log.service.js';
import { ChannelsService } from '../../channels/channels.service.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { PhoneVault } from '../../phone-numbers/phone-vault.js';
import { type ResidentMessage, WhatsAppEvents } from '../../whatsapp/inbound/whatsapp-events.js';
import { isStopRequest } from '../domain/stop-request.js';
import { ResidentReplies } from '../resident-replies.service.js';
import { SubscribersRepository } from '../subscribers.repository.js';
import {
  declinedReply,
  isConfirmation,
  isDecline,
  type OptInLanguage,
  subscribedReply,
} from './confirmation-words.js';
import { SubscriptionRequestsRepository } from './subscription-requests.repository.js';

export const WEB_OPT_IN_HANDLER = 'web-opt-in';

/**
 * A resident's tap on Confirm (or typed YES) confirming their web opt-in, or their tap on Not me
 * declining it. Taken only from a number with an unexpired pending request, and a tap only on
 * that request's confirmation message; anything else falls through to the other handlers and the
 * inbox.
 * Runs inside the transaction that stores the message, so the subscription, its consent record,
 * the audit event and the reply commit together. The reply is in the request's language (Welsh
 * for a request from the Welsh page), whichever buttons or words the resident used.
 */
@Injectable()
export class OptInConfirmationListener implements OnModuleInit {
  constructor(
    private readonly events: WhatsAppEvents,
    private readonly requests: SubscriptionRequestsRepository,
    private readonly subscribers: SubscribersRepository,
    private readonly replies: ResidentReplies,
    private readonly channels: ChannelsService,
    private readonly audit: AuditLog,
    private readonly vault: PhoneVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.onResidentMessage(WEB_OPT_IN_HANDLER, (message) => this.onMessage(message));
  }

  private async onMessage(message: ResidentMessage): Promise<boolean> {
    // STOP always wins, even from someone who has just asked to subscribe.
    if (isStopRequest(message)) return false;
    if (message.kind !== 'text' && message.kind !== 'quick_reply') return false;
    const phoneHash = this.vault.lookupHash(message.from);
    const request = await this.requests.takePending(phoneHash, this.clock.now());
    if (!request) return false;
    if (isDecline(message, request.confirmationMessageId)) {
      await this.decline(message, request.id, request.language);
      return true;
    }
    if (!isConfirmation(message, request.confirmationMessageId)) return false;

    const subscriber = await this.subscribers.activate(
      {
        phoneSealed: this.vault.encrypt(message.from),
        phoneHash,
        areaCode: request.areaCode,
        topicCodes: request.topicCodes,
        privacyNoticeVersion: request.privacyNoticeVersion,
        at: message.sentAt,
      },
      'add',
    );
    await this.subscribers.insertConsents([
      {
        subscriberId: subscriber.id,
        action: 'opt_in',
        source: 'web',
        privacyNoticeVersion: request.privacyNoticeVersion,
        evidence: {
          requestId: request.id,
          confirmationMessageId: request.confirmationMessageId,
          providerMessageId: message.providerMessageId,
          ipHash: request.requestIpHash,
        },
        capturedAt: message.sentAt,
      },
    ]);
    await this.requests.deleteAnswered(request.id);
    await this.audit.record({
      type: 'subscriber.opted_in',
      actor: { kind: 'system', reason: 'resident-confirmed-web-opt-in' },
      subject: { residentId: subscriber.id, channelId: message.channelId },
      data: {
        source: 'web',
        areas: [request.areaCode],
        topics: request.topicCodes,
        privacyNoticeVersion: request.privacyNoticeVersion,
        previousStatus: subscriber.previousStatus,
      },
    });
    const channel = await this.channels.sendingState(message.channelId);
    await this.replies.queue({
      channel,
      to: message.from,
      subscriberId: subscriber.id,
      body: subscribedReply(channel.name, request.language),
    });
    return true;
  }

  /**
   * Not me: someone else gave this number. The request goes, and the resident is told so, in the
   * request's language.
   */
  private async decline(
    message: ResidentMessage,
    requestId: string,
    language: OptInLanguage,
  ): Promise<void> {
    await this.requests.deleteAnswered(requestId);
    const channel = await this.channels.sendingState(message.channelId);
    await this.replies.queue({
      channel,
      to: message.from,
      subscriberId: null,
      body: declinedReply(channel.name, language),
    });
  }
}
