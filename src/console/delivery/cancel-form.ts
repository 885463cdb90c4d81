/** The cancel form's one field, as the user typed it, or what is wrong with it. */
export type CancelForm =
  | { ok: true; reason: string }
  | { ok: false; reason: string; error: { text: string; href: string } };

const MAX_REASON = 500;

/** Checks the reason as CancelMessageDto would (1 to 500 characters), in words for the form. */
export function parseCancelForm(body: unknown): CancelForm {
  const raw = (body as { reason?: unknown } | undefined)?.reason;
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason === '') {
    return {
      ok: false,
      reason,
      error: { text: 'Enter why you are cancelling the remaining sends', href: '#reason' },
    };
  }
  if (reason.length > MAX_REASON) {
    return {
      ok: false,
      reason,
      error: { text: `Reason must be ${MAX_REASON} characters or fewer`, href: '#reason' },
    };
  }
  return { ok: true, reason };
}
