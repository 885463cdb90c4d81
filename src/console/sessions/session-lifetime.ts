/** How long a console session lives: idle for at most `idleMs`, and `lifetimeMs` in all. */
export interface SessionPolicy {
  idleMs: number;
  lifetimeMs: number;
}

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
}

/** last_seen_at is written at most this often, so that reading pages does not mean writing rows. */
export const TOUCH_INTERVAL_MS = 60_000;

export const sessionPolicy = (idleMinutes: number, lifetimeHours: number): SessionPolicy => ({
  idleMs: idleMinutes * 60_000,
  lifetimeMs: lifetimeHours * 3_600_000,
});

export const expiresAt = (createdAt: Date, policy: SessionPolicy): Date =>
  new Date(createdAt.getTime() + policy.lifetimeMs);

/** Live until its absolute end, and until it has gone unused for the idle timeout. */
export function isLive(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  return now < session.expiresAt && idleFor < policy.idleMs;
}

/** Whether this request should move last_seen_at on; the idle timeout is this coarse, no finer. */
export const needsTouch = (session: SessionTimes, now: Date): boolean =>
  now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;

/** Sessions that started before this, or were last seen before the idle cut-off, are over. */
export const idleCutoff = (now: Date, policy: SessionPolicy): Date =>
  new Date(now.getTime() - policy.idleMs);
