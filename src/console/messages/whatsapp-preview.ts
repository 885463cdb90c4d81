import type { ContentKind } from '../../channels/governance-policy.js';
import { LIST_BUTTON_TEXT, MAX_REPLY_BUTTONS } from '../../messages/domain/poll-definition.js';

/** A snap poll under the message: reply buttons (or a template's quick replies), or a list. */
export interface WhatsAppPreviewPoll {
  style: 'buttons' | 'list';
  options: string[];
  /** The list's button, which opens the options; set when `style` is 'list'. */
  listButton?: string;
}

/** What console/partials/whatsapp-preview.njk shows: see the comment at its top. */
export interface WhatsAppPreview {
  sender: string;
  text: string;
  meta: string;
  time?: string;
  empty: boolean;
  poll?: WhatsAppPreviewPoll;
}

export interface PreviewContent {
  kind: ContentKind;
  templateName?: string;
  language?: string;
  parameters?: string[];
  body?: string;
  poll?: { options: string[] };
}

/**
 * How WhatsApp shows a poll's options: a text message's up to three as reply buttons, four or
 * more as a list behind one button; a template's as its quick-reply buttons. Null when none.
 */
export function previewPoll(
  kind: ContentKind,
  options: readonly string[] | undefined,
): WhatsAppPreviewPoll | undefined {
  const shown = (options ?? []).map((o) => o.trim()).filter((o) => o !== '');
  if (shown.length === 0) return undefined;
  if (kind === 'text' && shown.length > MAX_REPLY_BUTTONS) {
    return { style: 'list', options: shown, listButton: LIST_BUTTON_TEXT };
  }
  return { style: 'buttons', options: shown };
}

/**
 * The message as a resident will read it. Crier's templates (area_alert) are a single `{{1}}`, so
 * a template message reads as its parameters; the line under it says which template carries them.
 * compose-preview.mjs builds the same text in the browser: keep the two alike.
 */
export function whatsappPreview(
  sender: string,
  content: PreviewContent,
  time?: string,
): WhatsAppPreview {
  const text =
    content.kind === 'text'
      ? (content.body ?? '')
      : (content.parameters ?? []).filter((p) => p.trim() !== '').join('\n\n');
  const meta =
    content.kind === 'text'
      ? 'Text message'
      : `Template ${content.templateName ?? ''} (${content.language ?? ''})`;
  const poll = previewPoll(content.kind, content.poll?.options);
  return { sender, text, meta, time, empty: text.trim() === '', ...(poll ? { poll } : {}) };
}
