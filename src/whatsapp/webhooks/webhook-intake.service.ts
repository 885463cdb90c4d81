import { Injectable } from '@nestjs/common';
import { PhoneVault } from '../../phone-numbers/phone-vault.js';
import { WebhookInboxRepository } from './webhook-inbox.repository.js';
import { WebhookProcessor } from './webhook-processor.service.js';

interface Waiting {
  payload: Buffer;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A batch is written as soon as the event loop is free, or once this many have gathered. */
const MAX_BATCH = 500;

/**
 * Makes each callback durable before it is acknowledged, without a commit per callback: the
 * callbacks that arrive while one write is on its way are gathered and written together in one
 * statement (group commit). Each request waits for the write that holds its callback, so a 200
 * always means "stored".
 */
@Injectable()
export class WebhookIntake {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly inbox: WebhookInboxRepository,
    private readonly vault: PhoneVault,
    private readonly processor: WebhookProcessor,
  ) {}

  record(rawBody: Buffer): Promise<void> {
    const payload = this.vault.sealBytes(rawBody);
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ payload, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.waiting.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    this.inbox.insertMany(batch.map((item) => item.payload)).then(
      () => {
        for (const item of batch) item.resolve();
        this.processor.wake();
      },
      (error: unknown) => {
        for (const item of batch) item.reject(error);
      },
    );
  }
}
