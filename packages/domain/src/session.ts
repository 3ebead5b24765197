/**
 * Session lifetime rules. A session ends after a period without activity (idle) or after a
 * fixed time since sign-in (absolute), whichever comes first. Pure: the caller passes `now`.
 */
export interface SessionTimeouts {
  idleMinutes: number;
  absoluteMinutes: number;
}

export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = { idleMinutes: 15, absoluteMinutes: 480 };

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

/** The moment the session ends if nothing else happens. */
export function sessionExpiresAt(times: SessionTimes, timeouts: SessionTimeouts): Date {
  const idleEnd = times.lastSeenAt.getTime() + timeouts.idleMinutes * 60_000;
  const absoluteEnd = times.createdAt.getTime() + timeouts.absoluteMinutes * 60_000;
  return new Date(Math.min(idleEnd, absoluteEnd));
}

export function isSessionExpired(times: SessionTimes, timeouts: SessionTimeouts, now: Date): boolean {
  return now.getTime() >= sessionExpiresAt(times, timeouts).getTime();
}
