import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { type DeliveryCounts, deliveryCounts, progressFromReceipts } from './delivery-progress.js';
import {
  DeliveriesRepository,
  type DeliverySummary,
  type IncomingReceipt,
  type LockedDelivery,
  type NewDelivery,
} from './deliveries.repository.js';

/** A receipt seen for the first time, with the delivery it belongs to when Crier knows it. */
export interface NewReceipt {
  receipt: IncomingReceipt;
  delivery: LockedDelivery | null;
}

const SWEEP_BATCH = 500;

/**
 * Delivery rows and their receipts. Receipts may come before Crier has stored the provider id
 * that a send returned (the callback can beat the database write), twice, or out of order; the
 * progress is always recomputed from the whole set of receipts, under a row lock, so the result
 * does not depend on any of that.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly uow: UnitOfWork,
  ) {}

  create(delivery: NewDelivery): Promise<string> {
    return this.deliveries.insert(delivery);
  }

  /** Records the provider's id for an accepted send and applies any receipts already waiting. */
  async accepted(id: string, providerMessageId: string, attempts: number): Promise<void> {
    await this.uow.run(async () => {
      await this.deliveries.markAccepted(id, providerMessageId, attempts);
      await this.refresh([providerMessageId]);
    });
  }

  /** Each frozen message's alert progress, by message id. */
  async alertCounts(
    messages: { id: string; total: number; taken: number; cancelled: boolean }[],
  ): Promise<Map<string, DeliveryCounts>> {
    if (messages.length === 0) return new Map();
    const raw = await this.deliveries.alertCounts(messages.map((m) => m.id));
    return new Map(messages.map((m) => [m.id, deliveryCounts(m, raw.get(m.id) ?? {})] as const));
  }

  testsOf(messageId: string): Promise<DeliverySummary[]> {
    return this.deliveries.testsOf(messageId);
  }

  failed: DeliveriesRepository['markFailed'] = (id, failure, attempts) =>
    this.deliveries.markFailed(id, failure, attempts);

  /** Stores a batch of receipts and brings their deliveries up to date; inside a unit of work. */
  async applyReceipts(receipts: IncomingReceipt[]): Promise<NewReceipt[]> {
    if (receipts.length === 0) return [];
    const providerIds = [...new Set(receipts.map((r) => r.providerMessageId))];
    const locked = await this.deliveries.lockByProviderIds(providerIds);
    const byProviderId = new Map(locked.map((d) => [d.providerMessageId, d]));
    const fresh = await this.deliveries.insertReceipts(receipts, new Set(byProviderId.keys()));
    await this.project(locked);
    return fresh.map((receipt) => ({
      receipt,
      delivery: byProviderId.get(receipt.providerMessageId) ?? null,
    }));
  }

  /** After a batch of sends was recorded: applies any receipts that beat the records. */
  async applyWaiting(providerMessageIds: string[]): Promise<void> {
    if (providerMessageIds.length > 0) await this.uow.run(() => this.refresh(providerMessageIds));
  }

  /** Applies receipts that arrived before their delivery's provider id was stored. */
  async sweepUnapplied(): Promise<number> {
    const ids = await this.deliveries.unappliedProviderIds(SWEEP_BATCH);
    if (ids.length > 0) await this.uow.run(() => this.refresh(ids));
    return ids.length;
  }

  private async refresh(providerIds: string[]): Promise<void> {
    await this.project(await this.deliveries.lockByProviderIds(providerIds));
  }

  private async project(locked: LockedDelivery[]): Promise<void> {
    if (locked.length === 0) return;
    const receipts = await this.deliveries.receiptsFor(locked.map((d) => d.providerMessageId));
    const updates = locked.flatMap((delivery) => {
      const progress = progressFromReceipts(
        delivery,
        receipts.get(delivery.providerMessageId) ?? [],
      );
      const changed = (Object.keys(progress) as (keyof typeof progress)[]).some(
        (key) => String(progress[key]) !== String(delivery[key]),
      );
      return changed ? [{ id: delivery.id, progress }] : [];
    });
    await this.deliveries.saveProgress(updates);
  }
}
