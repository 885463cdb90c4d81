import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AudienceService } from '../../audience/audience.service.js';
import { AuditLog } from '../../audit/audit-log.service.js';
import { ChannelsService } from '../../channels/channels.service.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import type { OutboundContent } from '../../dispatch/outbound-message.js';
import { PhoneVault } from '../../phone-numbers/phone-vault.js';
import { PostcodeLookup } from '../../postcodes/postcode-lookup.js';
import { type ResidentMessage, WhatsAppEvents } from '../../whatsapp/inbound/whatsapp-events.js';
import { isStopRequest } from '../domain/stop-request.js';
import { ResidentReplies } from '../resident-replies.service.js';
import { SubscribersRepository } from '../subscribers.repository.js';
import {
  type JoinConversation,
  JoinConversationsRepository,
} from './join-conversations.repository.js';
import {
  areaList,
  type Choice,
  confirmQuestion,
  interpret,
  JOIN_IDLE_MINUTES,
  JOIN_PRIVACY_NOTICE_VERSION,
  joinLanguageOf,
  subscribedText,
  topicAdded,
  topicList,
  welcomeText,
} from './join-steps.js';
import { type JoinLanguage, joinWords } from './join-words.js';

export const JOIN_HANDLER = 'join';

const nameOf = (choices: Choice[], code: string) =>
  choices.find((c) => c.code === code)?.name ?? code;

/**
 * The JOIN conversation on WhatsApp: area, topics, then Confirm or Cancel. Runs inside the
 * transaction that stores each message, so a step, its replies (queued as jobs, never sent here)
 * and, on Confirm, the subscription, consent and audit commit together. STOP is never taken here:
 * the residents handler runs first and forgets the conversation (and answers PRIVACY). Every reply
 * is in the conversation's language: Welsh when it was started with YMUNO.
 */
@Injectable()
export class JoinConversationListener implements OnModuleInit {
  constructor(
    private readonly events: WhatsAppEvents,
    private readonly conversations: JoinConversationsRepository,
    private readonly subscribers: SubscribersRepository,
    private readonly postcodes: PostcodeLookup,
    private readonly audience: AudienceService,
    private readonly replies: ResidentReplies,
    private readonly channels: ChannelsService,
    private readonly audit: AuditLog,
    private readonly vault: PhoneVault,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.onResidentMessage(JOIN_HANDLER, (message) => this.onMessage(message));
  }

  private expiry(): Date {
    return new Date(this.clock.now().getTime() + JOIN_IDLE_MINUTES * 60_000);
  }

  private async onMessage(message: ResidentMessage): Promise<boolean> {
    if (isStopRequest(message)) return false;
    const phoneHash = this.vault.lookupHash(message.from);
    const language = joinLanguageOf(message);
    if (language) {
      await this.start(message, phoneHash, language);
      return true;
    }
    const conversation = await this.conversations.take(phoneHash, this.clock.now());
    if (!conversation || conversation.channelId !== message.channelId) return false;
    return this.step(message, phoneHash, conversation);
  }

  private async start(
    message: ResidentMessage,
    phoneHash: string,
    language: JoinLanguage,
  ): Promise<void> {
    await this.conversations.start({
      phoneHash,
      phoneSealed: this.vault.encrypt(message.from),
      channelId: message.channelId,
      language,
      evidence: message.providerMessageId,
      expiresAt: this.expiry(),
    });
    const channel = await this.channels.sendingState(message.channelId);
    await this.reply(
      message,
      welcomeText(channel.name, this.config.privacyNotice[language], language),
    );
    await this.reply(message, 'areas', areaList(await this.audience.list('area'), 0, language));
  }

  private async step(
    message: ResidentMessage,
    phoneHash: string,
    conversation: JoinConversation,
  ): Promise<boolean> {
    const action = interpret(conversation.step, message);
    if (action.kind === 'unknown') return false;
    const next: JoinConversation = {
      ...conversation,
      evidence: [...conversation.evidence, message.providerMessageId],
    };
    const { language } = conversation;
    const words = joinWords(language);
    const areas = await this.audience.list('area');
    const topics = await this.audience.list('topic');
    switch (action.kind) {
      case 'page': {
        // "More areas…" or "More topics…": the next page of the list this step asks from.
        await this.save(phoneHash, next);
        const list =
          conversation.step === 'area'
            ? areaList(areas, action.page, language)
            : topicList(topics, action.page, language);
        await this.reply(message, conversation.step === 'area' ? 'areas' : 'topics', list);
        return true;
      }
      case 'area':
      case 'postcode': {
        const code =
          action.kind === 'area' ? action.code : await this.postcodes.areaFor(action.text);
        if (!code || !areas.some((a) => a.code === code)) {
          await this.reply(message, words.unknownPostcode);
          return true;
        }
        await this.save(phoneHash, { ...next, step: 'topics', areaCode: code });
        await this.reply(message, 'topics', topicList(topics, 0, language));
        return true;
      }
      case 'topic': {
        if (!topics.some((t) => t.code === action.code)) return false;
        const topicCodes = [...new Set([...next.topicCodes, action.code])];
        await this.save(phoneHash, { ...next, topicCodes });
        const chosen = topicCodes.map((c) => nameOf(topics, c));
        await this.reply(message, 'added', topicAdded(chosen, language));
        return true;
      }
      case 'done': {
        if (next.topicCodes.length === 0) {
          await this.reply(message, words.noTopicYet);
          return true;
        }
        await this.save(phoneHash, { ...next, step: 'confirm' });
        const question = confirmQuestion(
          nameOf(areas, next.areaCode ?? ''),
          next.topicCodes.map((c) => nameOf(topics, c)),
          language,
        );
        await this.reply(message, 'confirm', question);
        return true;
      }
      case 'cancel':
        await this.conversations.forget(phoneHash);
        await this.reply(message, words.cancelled);
        return true;
      case 'confirm':
        await this.confirm(message, phoneHash, next, areas, topics);
        return true;
    }
  }

  private async confirm(
    message: ResidentMessage,
    phoneHash: string,
    conversation: JoinConversation,
    areas: Choice[],
    topics: Choice[],
  ): Promise<void> {
    const areaCode = conversation.areaCode ?? '';
    const subscriber = await this.subscribers.activate(
      {
        phoneSealed: this.vault.encrypt(message.from),
        phoneHash,
        areaCode,
        topicCodes: conversation.topicCodes,
        privacyNoticeVersion: JOIN_PRIVACY_NOTICE_VERSION,
        at: message.sentAt,
      },
      'replace',
    );
    // An active subscriber answering JOIN again has changed their choice, not opted in.
    const action = subscriber.previousStatus === 'active' ? 'change' : 'opt_in';
    await this.subscribers.insertConsents([
      {
        subscriberId: subscriber.id,
        action,
        source: 'whatsapp',
        privacyNoticeVersion: JOIN_PRIVACY_NOTICE_VERSION,
        evidence: { providerMessageIds: conversation.evidence },
        capturedAt: message.sentAt,
      },
    ]);
    await this.conversations.forget(phoneHash);
    await this.audit.record({
      type: 'subscriber.opted_in',
      actor: { kind: 'system', reason: 'resident-joined-on-whatsapp' },
      subject: { residentId: subscriber.id, channelId: message.channelId },
      data: {
        source: 'whatsapp',
        consentAction: action,
        areas: [areaCode],
        topics: conversation.topicCodes,
        privacyNoticeVersion: JOIN_PRIVACY_NOTICE_VERSION,
        previousStatus: subscriber.previousStatus,
      },
    });
    const channel = await this.channels.sendingState(message.channelId);
    const topicNames = conversation.topicCodes.map((c) => nameOf(topics, c));
    await this.reply(
      message,
      subscribedText(channel.name, nameOf(areas, areaCode), topicNames, conversation.language),
      undefined,
      subscriber.id,
    );
  }

  private async save(phoneHash: string, conversation: JoinConversation): Promise<void> {
    await this.conversations.save(phoneHash, conversation, this.expiry());
  }

  /** Queued as a job in this transaction: the webhook never waits on WhatsApp. */
  private async reply(
    message: ResidentMessage,
    body: string,
    content?: OutboundContent,
    subscriberId: string | null = null,
  ): Promise<void> {
    const channel = await this.channels.sendingState(message.channelId);
    await this.replies.queue({ channel, to: message.from, subscriberId, body, content });
  }
}
