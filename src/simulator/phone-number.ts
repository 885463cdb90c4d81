/**
 * The WhatsApp ID for a number as a client may write it ("+44 7400 123456", "447400123456"):
 * its digits, or null if it cannot be a phone number (E.164 allows at most 15 digits).
 */
export function waIdFor(input: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(input)) return null;
  const digits = input.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

/**
 * The simulator's documented rule for "not on WhatsApp" (131026): any number whose digits end in
 * 0000. Real numbers rarely do, so ordinary test numbers are unaffected.
 */
export function isNotOnWhatsApp(waId: string): boolean {
  return waId.endsWith('0000');
}

/**
 * The simulator's documented rule for "accepted, then undeliverable": numbers ending in 0001 get a
 * 200 and a wamid, then `sent` and a `failed` status webhook with 131026, as the real API reports
 * a delivery that fails after the send was accepted.
 */
export function failsAfterAcceptance(waId: string): boolean {
  return waId.endsWith('0001');
}
