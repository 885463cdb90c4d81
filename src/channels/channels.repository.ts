import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ChannelEntity } from './channel.entity.js';

@Injectable()
export class ChannelsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private repo() {
    return this.uow.manager().getRepository(ChannelEntity);
  }

  insert(channel: Omit<ChannelEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<ChannelEntity> {
    return this.repo().save(this.repo().create(channel));
  }

  save(channel: ChannelEntity): Promise<ChannelEntity> {
    return this.repo().save(channel);
  }

  findById(id: string): Promise<ChannelEntity | null> {
    return this.repo().findOneBy({ id });
  }

  findByName(name: string): Promise<ChannelEntity | null> {
    return this.repo().findOneBy({ name });
  }

  findByPhoneNumberId(phoneNumberId: string): Promise<ChannelEntity | null> {
    return this.repo().findOneBy({ phoneNumberId });
  }

  list(): Promise<ChannelEntity[]> {
    return this.repo().find({ order: { name: 'ASC' } });
  }

  /** Pauses unless already paused; true when this call paused it. */
  async pauseSending(id: string, code: string, reason: string): Promise<boolean> {
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ sendingPausedAt: () => 'now()', sendingPausedCode: code, sendingPausedReason: reason })
      .where('id = :id AND sending_paused_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async idsByPhoneNumberId(phoneNumberIds: string[]): Promise<Map<string, string>> {
    const rows = await this.repo().find({
      select: { id: true, phoneNumberId: true },
      where: { phoneNumberId: In(phoneNumberIds) },
    });
    return new Map(rows.map((row) => [row.phoneNumberId, row.id]));
  }
}
