import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { HandsetAction, TapKind } from './conversation.js';

/** Meta's limit for a text message, which the simulator also applies. */
export const MAX_TEXT = 4096;

export interface FormError {
  text: string;
  href: string;
}

// Every field optional and loosely typed: what is wrong is told on the page, not with a 400.
export class OpenHandsetForm {
  @IsOptional() @IsString() @MaxLength(100) number?: string;
}

export class HandsetTextForm {
  @IsOptional() @IsString() @MaxLength(100) channel?: string;
  @IsOptional() @IsString() @MaxLength(MAX_TEXT * 2) text?: string;
}

export class HandsetTapForm {
  @IsOptional() @IsString() @MaxLength(100) channel?: string;
  @IsOptional() @IsString() @MaxLength(50) kind?: string;
  @IsOptional() @IsString() @MaxLength(200) context?: string;
  @IsOptional() @IsString() @MaxLength(500) option?: string;
}

export const REPLY_TEXT_ID = 'reply-text';

/** A typed message, or what is wrong with it (pointing at the field). */
export function parseTextForm(form: HandsetTextForm): HandsetAction | { error: FormError } {
  const text = form.text ?? '';
  const href = `#${REPLY_TEXT_ID}`;
  if (text.trim() === '') return { error: { text: 'Enter a message to send', href } };
  if (text.length > MAX_TEXT) {
    return { error: { text: `Message must be ${String(MAX_TEXT)} characters or fewer`, href } };
  }
  return { kind: 'text', text };
}

const TAP_KINDS: readonly TapKind[] = ['button_reply', 'quick_reply', 'list_reply'];

/** A tap on a received message's button, quick reply or list row; null if the form is not one. */
export function parseTapForm(
  form: HandsetTapForm,
): { kind: TapKind; context: string; option: string } | null {
  const kind = TAP_KINDS.find((k) => k === form.kind);
  if (!kind || !form.context || !form.option) return null;
  return { kind, context: form.context, option: form.option };
}
