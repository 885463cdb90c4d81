import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { E164 } from '../../phone-numbers/phone-number.js';
import { BUILT_IN_TEMPLATES, loadTemplatesFile } from '../../simulator/templates.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../../whatsapp/cloud-api/cloud-api-endpoint.js';
import type { HandsetAction, SentRecord, TemplateWording } from './conversation.js';
import {
  inboundId,
  parseSimulatorMessages,
  type SimulatorMessage,
  simulatorProblems,
} from './simulator-records.js';

const REQUEST_TIMEOUT_MS = 5_000;
/** What one handset remembers sending; older actions drop off. */
const SENT_KEPT_PER_NUMBER = 200;

export type InboundOutcome = { sent: true; id: string } | { sent: false; problems: string[] };

/**
 * Talks to the WhatsApp simulator that Crier runs in its own process, server to server: the
 * browser never reaches it. Only in embedded mode; with the real Cloud API there is no handset,
 * and nothing here ever calls Meta.
 *
 * The simulator keeps what the handset received but not what it sent, and Crier stores residents'
 * messages encrypted, so what the trainee sent is remembered here, in memory: like the
 * simulator's own record, it lasts until Crier restarts.
 */
@Injectable()
export class TrainingSimulatorClient {
  private readonly sent = new Map<string, SentRecord[]>();
  private wordings: Promise<readonly TemplateWording[]> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly modules: ModuleRef,
  ) {}

  /** Training works only when WhatsApp runs on the embedded simulator. */
  get enabled(): boolean {
    return (
      this.config.whatsapp.mode === 'embedded-simulator' &&
      this.config.whatsapp.embeddedSimulator !== null
    );
  }

  /** Every message the simulated handsets received, or one number's. */
  async messages(phone?: E164): Promise<SimulatorMessage[]> {
    const query = phone ? `?to=${encodeURIComponent(phone)}` : '';
    const response = await fetch(`${this.baseUrl()}/_sim/messages${query}`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`The simulator answered ${String(response.status)}`);
    return parseSimulatorMessages(await response.json());
  }

  /** What this handset sent, oldest first. */
  sentBy(phone: E164): readonly SentRecord[] {
    return this.sent.get(phone) ?? [];
  }

  /**
   * The resident writes or taps; the simulator posts it to Crier as Meta would. Then waits a
   * moment for Crier's answer to reach the handset, so the page shown next usually has it.
   */
  async send(
    phone: E164,
    phoneNumberId: string,
    action: HandsetAction,
    waitForReplyMs = 1_000,
  ): Promise<InboundOutcome> {
    const before = (await this.messages(phone)).length;
    const response = await fetch(`${this.baseUrl()}/_sim/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: phone, phoneNumberId, ...inboundFields(action) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body: unknown = await response.json().catch(() => null);
    const id = response.ok ? inboundId(body) : null;
    if (id === null) {
      const problems = simulatorProblems(body);
      return {
        sent: false,
        problems: problems.length > 0 ? problems : ['The simulator did not take the message.'],
      };
    }
    this.remember(phone, { id, phoneNumberId, at: new Date().toISOString(), action });
    await this.replyArrives(phone, before, waitForReplyMs);
    return { sent: true, id };
  }

  /** Approved templates' wording, to show a template message as the resident reads it. */
  templateWordings(): Promise<readonly TemplateWording[]> {
    this.wordings ??= this.loadWordings();
    return this.wordings;
  }

  private async loadWordings(): Promise<readonly TemplateWording[]> {
    const file = this.config.whatsapp.embeddedSimulator?.templatesFile;
    // The simulator refused to start with a bad file, so this only fails if it changed since.
    const extra = file ? await loadTemplatesFile(file).catch(() => []) : [];
    return [...BUILT_IN_TEMPLATES, ...extra];
  }

  private remember(phone: E164, record: SentRecord): void {
    const records = [...this.sentBy(phone), record].slice(-SENT_KEPT_PER_NUMBER);
    this.sent.set(phone, records);
  }

  private async replyArrives(phone: E164, before: number, waitMs: number): Promise<void> {
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if ((await this.messages(phone)).length > before) return;
    }
  }

  /**
   * The simulator's address, from the same CLOUD_API_ENDPOINT provider Crier sends through. Looked
   * up when first needed (WhatsAppModule does not export it, and it is made asynchronously).
   */
  private baseUrl(): string {
    if (!this.enabled) throw new Error('Training mode is off: WhatsApp is the real Cloud API');
    return this.modules.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT, { strict: false }).baseUrl;
  }
}

/** The /_sim/inbound fields for an action (README, "Control routes"). */
export function inboundFields(action: HandsetAction): Record<string, string> {
  switch (action.kind) {
    case 'text':
      return { text: action.text };
    case 'button_reply':
      return { buttonReplyId: action.id, context: action.context };
    case 'quick_reply':
      return {
        buttonPayload: action.payload,
        ...(action.text ? { buttonText: action.text } : {}),
        context: action.context,
      };
    case 'list_reply':
      return { listReplyId: action.id, context: action.context };
  }
}
