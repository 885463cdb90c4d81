import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ChannelEntity } from './channel.entity.js';

/**
 * Sends are paced at this share of the channel's throughput, so that timer jitter never tips a
 * second over the provider's limit.
 */
const PACING_SHARE = 0.98;

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

  /**
   * Takes `count` consecutive send slots on the channel's shared clock and returns when the
   * first is: one atomic UPDATE, so every Crier process together keeps to the channel's rate.
   */
  async reserveSendSlots(id: string, count: number): Promise<{ firstAt: Date; perSecond: number }> {
    const [row] = await this.uow.manager().query<{ first_at: Date; per_second: number }[]>(
      `WITH reserved AS (
         UPDATE channels
            SET next_send_slot_at = greatest(coalesce(next_send_slot_at, now()), now())
                                    + make_interval(secs => $2::float8 / ($3::float8 * throughput_per_second))
          WHERE id = $1
          RETURNING next_send_slot_at
                      - make_interval(secs => $2::float8 / ($3::float8 * throughput_per_second)) AS first_at,
                    $3::float8 * throughput_per_second AS per_second)
       SELECT * FROM reserved`,
      [id, count, PACING_SHARE],
    );
    if (!row) throw new Error(`no channel ${id}`);
    return { firstAt: new Date(row.first_at), perSecond: row.per_second };
  }

  /**
   * Holds every sender on the channel back for `ms` from now (not from the next slot: repeated
   * 130429s within one pause must not stack into a long silence).
   */
  async delaySendSlots(id: string, ms: number): Promise<void> {
    await this.uow.manager().query(
      `UPDATE channels
          SET next_send_slot_at = greatest(coalesce(next_send_slot_at, now()),
                                           now() + make_interval(secs => $2::float8 / 1000))
        WHERE id = $1`,
      [id, ms],
    );
  }
}
