import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service.js';
import { inboundRetentionDaysOf } from '../channels/governance-policy.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import {
  type DeliveryFailed,
  type ResidentMessage,
  WhatsAppEvents,
} from '../whatsapp/inbound/whatsapp-events.js';
import { stopConfirmation, suppressionReasonForProviderCode } from './domain/opt-out.js';
import { isStopRequest, stopLanguageOf } from './domain/stop-request.js';
import { JoinConversationsRepository } from './join/join-conversations.repository.js';
import { privacyRequestOf } from './join/join-steps.js';
import { joinWords } from './join/join-words.js';
import { ResidentOptOutService } from './resident-opt-out.service.js';
import { ResidentRecordsRepository } from './resident-records.repository.js';
import { ResidentReplies } from './resident-replies.service.js';
import { SubscribersRepository } from './subscribers.repository.js';

export const RESIDENTS_HANDLER = 'residents';

/**
 * What residents do on WhatsApp, as it arrives: every message opens their 24-hour window; STOP
 * ends their subscriptions and is confirmed; PRIVACY (or the Welsh PREIFATRWYDD) is answered with
 * a short summary of the privacy notice, from anyone, in or out of a JOIN conversation; a
 * provider's "stopped" or "blocked" suppresses the number. Everything runs inside the transaction
 * that stores the callback.
 */
@Injectable()
export class ResidentEventsListener implements OnModuleInit {
  constructor(
    private readonly events: WhatsAppEvents,
    private readonly subscribers: SubscribersRepository,
    private readonly records: ResidentRecordsRepository,
    private readonly optOut: ResidentOptOutService,
    private readonly replies: ResidentReplies,
    private readonly channels: ChannelsService,
    private readonly vault: PhoneVault,
    private readonly joins: JoinConversationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Any message opens the window, whichever module takes it (a poll answer, a JOIN step...).
    this.events.observeResidentMessages((message) =>
      this.subscribers.touchLastInbound(this.vault.lookupHash(message.from), message.sentAt),
    );
    this.events.onResidentMessage(RESIDENTS_HANDLER, (message) => this.onMessage(message));
    this.events.onDeliveryFailed((event) => this.onDeliveryFailed(event));
  }

  private async onMessage(message: ResidentMessage): Promise<boolean> {
    // Only STOP and PRIVACY are the residents module's to take.
    if (!isStopRequest(message)) return this.answerPrivacy(message);
    const phoneHash = this.vault.lookupHash(message.from);
    // STOP mid-JOIN ends the conversation too: a later Confirm tap must find nothing.
    await this.joins.forget(phoneHash);
    const subscriberId = await this.optOut.optOut({
      phoneHash,
      reason: 'stop',
      channelId: message.channelId,
      source: 'whatsapp',
      evidence: { providerMessageId: message.providerMessageId },
      capturedAt: message.sentAt,
      actor: { kind: 'system', reason: 'resident-sent-stop' },
    });
    const channel = await this.channels.sendingState(message.channelId);
    await this.replies.queue({
      channel,
      to: message.from,
      subscriberId,
      body: stopConfirmation(channel.name, stopLanguageOf(message)),
    });
    return true;
  }

  /**
   * PRIVACY: who the council is, what Crier keeps and for how long, how to stop, and the notice.
   * Nothing changes, so nothing is audited; a JOIN conversation under way carries on.
   */
  private async answerPrivacy(message: ResidentMessage): Promise<boolean> {
    const language = privacyRequestOf(message);
    if (!language) return false;
    const channel = await this.channels.sendingState(message.channelId);
    await this.replies.queue({
      channel,
      to: message.from,
      subscriberId: null,
      body: joinWords(language).privacySummary({
        council: this.config.console.councilName ?? channel.name,
        inboundDays: inboundRetentionDaysOf(channel.policy),
        noticeUrl: this.config.privacyNotice[language],
      }),
    });
    return true;
  }

  private async onDeliveryFailed(event: DeliveryFailed): Promise<void> {
    if (!event.suppressRecipient) return;
    const phoneHash = await this.records.recipientHashOf(event.deliveryId);
    if (!phoneHash) return;
    await this.optOut.optOut({
      phoneHash,
      reason: suppressionReasonForProviderCode(event.code),
      channelId: event.channelId,
      source: 'provider',
      evidence: { deliveryId: event.deliveryId, code: event.code },
      actor: { kind: 'system', reason: 'provider-reported-stopped' },
    });
  }
}
