import { Injectable } from '@nestjs/common';
import type { ChannelView } from '../channels/dto/channel.dto.js';
import { ChannelsService } from '../channels/channels.service.js';
import { CrierError } from '../common/errors/crier-error.js';
import type { Actor } from '../organisation/actor.js';
import { canView, type ChannelFacts } from './domain/message-access.js';
import { MessageErrors } from './messages.errors.js';
import { type MessageRecord, MessagesRepository } from './messages.repository.js';

export interface VisibleMessage {
  record: MessageRecord;
  channel: ChannelFacts;
}

/** Loads messages as a given person may see them: a message they may not see does not exist. */
@Injectable()
export class MessageRecords {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly channels: ChannelsService,
  ) {}

  /** With `lock`, the row stays locked until the surrounding transaction ends. */
  async visible(actor: Actor, id: string, options: { lock: boolean }): Promise<VisibleMessage> {
    const record = options.lock
      ? await this.repository.lockRecord(id)
      : await this.repository.findRecord(id);
    if (!record || !canView(actor, record.message.serviceId)) throw MessageErrors.notFound();
    const { channel, ...rest } = record;
    return { record: rest, channel };
  }

  /** A channel named in a request body: unknown is bad input, not a missing resource. */
  async channelFor(channelId: string): Promise<ChannelView> {
    try {
      return await this.channels.get(channelId);
    } catch (error) {
      if (error instanceof CrierError && error.kind === 'not_found')
        throw MessageErrors.channelNotFound();
      throw error;
    }
  }
}
