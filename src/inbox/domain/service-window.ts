/** WhatsApp lets a business send free text only this long after the person last wrote. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ServiceWindow {
  open: boolean;
  /** When free text stops being allowed (in the past once closed); null if they never wrote. */
  closesAt: Date | null;
}

/** The resident's 24-hour window on a channel, from their last message to it. */
export function serviceWindow(lastInboundAt: Date | null, now: Date): ServiceWindow {
  if (lastInboundAt === null) return { open: false, closesAt: null };
  const closesAt = new Date(lastInboundAt.getTime() + SERVICE_WINDOW_MS);
  return { open: now.getTime() < closesAt.getTime(), closesAt };
}
