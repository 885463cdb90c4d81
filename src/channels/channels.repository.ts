import { Injectable } from '@nestjs/common';
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
}
