/**
 * Per-session CSRF token, sent by the web app as `x-csrf-token` on every write. It is an HMAC of
 * the session token under a fixed label: the session token is already a 256-bit secret known
 * only to this server and to the browser's HttpOnly cookie, so it serves as the per-session key
 * and no other secret needs managing. Another site can neither read the cookie nor our responses,
 * so it cannot produce the header; the HMAC is one-way, so script that reads the CSRF token
 * learns nothing about the session token. The token changes whenever the session token rotates.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const LABEL = 'cope-and-hope csrf v1';

export const CSRF_HEADER = 'x-csrf-token';

export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update(LABEL).digest('base64url');
}

export function csrfTokenMatches(sessionToken: string | undefined, presented: unknown): boolean {
  if (!sessionToken || typeof presented !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
