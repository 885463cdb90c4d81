/** Meta's customer service window: free-form messages only within 24 hours of the user writing. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** When each user last wrote to each business number. */
export class ServiceWindows {
  private readonly lastInbound = new Map<string, number>();

  private static key(phoneNumberId: string, waId: string): string {
    return `${phoneNumberId}:${waId}`;
  }

  userWrote(phoneNumberId: string, waId: string, at: number): void {
    this.lastInbound.set(ServiceWindows.key(phoneNumberId, waId), at);
  }

  isOpen(phoneNumberId: string, waId: string, now: number): boolean {
    const at = this.lastInbound.get(ServiceWindows.key(phoneNumberId, waId));
    return at !== undefined && now - at < SERVICE_WINDOW_MS;
  }

  clear(): void {
    this.lastInbound.clear();
  }
}
