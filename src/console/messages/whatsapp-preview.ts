import type { ContentKind } from '../../channels/governance-policy.js';

/** What console/partials/whatsapp-preview.njk shows: see the comment at its top. */
export interface WhatsAppPreview {
  sender: string;
  text: string;
  meta: string;
  time?: string;
  empty: boolean;
}

export interface PreviewContent {
  kind: ContentKind;
  templateName?: string;
  language?: string;
  parameters?: string[];
  body?: string;
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
  return { sender, text, meta, time, empty: text.trim() === '' };
}
