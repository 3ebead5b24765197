import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_TIMEOUTS, isSessionExpired, sessionExpiresAt } from './session.js';

const minute = 60_000;
const start = new Date('2026-11-29T09:00:00Z');

describe('session lifetime', () => {
  it('ends after 15 idle minutes by default', () => {
    const times = { createdAt: start, lastSeenAt: start };
    expect(isSessionExpired(times, DEFAULT_SESSION_TIMEOUTS, new Date(start.getTime() + 14 * minute))).toBe(
      false,
    );
    expect(isSessionExpired(times, DEFAULT_SESSION_TIMEOUTS, new Date(start.getTime() + 15 * minute))).toBe(
      true,
    );
  });

  it('ends after 8 hours however active', () => {
    const lastSeenAt = new Date(start.getTime() + 479 * minute);
    const times = { createdAt: start, lastSeenAt };
    expect(sessionExpiresAt(times, DEFAULT_SESSION_TIMEOUTS)).toEqual(
      new Date(start.getTime() + 480 * minute),
    );
  });

  it('never lets activity push the end past the absolute limit, nor before the last activity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        (idleMinutes, absoluteMinutes, activeAfter) => {
          const lastSeenAt = new Date(start.getTime() + activeAfter * minute);
          const end = sessionExpiresAt({ createdAt: start, lastSeenAt }, { idleMinutes, absoluteMinutes });
          expect(end.getTime()).toBeLessThanOrEqual(start.getTime() + absoluteMinutes * minute);
          expect(end.getTime()).toBeLessThanOrEqual(lastSeenAt.getTime() + idleMinutes * minute);
        },
      ),
    );
  });
});
