/** How many recipients a worker claims at once: about a quarter of a second of sending. */
export function batchSizeFor(perSecond: number): number {
  return Math.max(1, Math.min(250, Math.ceil(perSecond / 4)));
}

/** When each of `count` consecutive slots falls, from the first, at `perSecond`. */
export function slotTimes(firstAt: number, perSecond: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => firstAt + (i * 1000) / perSecond);
}

export interface Window<T> {
  /** When the window opens (epoch ms): its items are due from then until `windowMs` later. */
  at: number;
  items: T[];
  /** When each item is due, in the same order. */
  dueAt: number[];
}

/**
 * Groups sends by when they are due into windows of `windowMs`. Each window is checked against
 * the database just before it opens (is the person still subscribed, is the message still
 * sending?), so a STOP or a cancel takes effect within one window.
 */
export function windowsOf<T>(items: T[], dueAt: number[], windowMs: number): Window<T>[] {
  const windows: Window<T>[] = [];
  items.forEach((item, i) => {
    const at = dueAt[i];
    const last = windows.at(-1);
    if (last && at < last.at + windowMs) {
      last.items.push(item);
      last.dueAt.push(at);
    } else windows.push({ at, items: [item], dueAt: [at] });
  });
  return windows;
}
