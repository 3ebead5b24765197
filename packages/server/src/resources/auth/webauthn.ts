/**
 * The WebAuthn relying party (who passkeys are made for) and the challenges in flight.
 *
 * Challenges stay on the server, bound to the session that asked for them, and each can be
 * answered once: a response is checked against the challenge this session was given, never
 * against one the browser sends back. Like the attempt counters they live in this process's
 * memory (one Node process); a restart only means asking for the passkey again.
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

export interface RelyingParty {
  name: string;
  /** The host name passkeys are bound to. */
  id: string;
  /** The exact origin the browser must report. */
  origin: string;
}

/** PUBLIC_ORIGIN when configured, else the origin this request was addressed to. */
export function publicOrigin(request: FastifyRequest, config: Pick<Config, 'publicOrigin'>): string {
  // Through URL, so a default port is dropped as browsers do (http://host:80 is http://host).
  return config.publicOrigin ?? new URL(`${request.protocol}://${request.host}`).origin;
}

export function relyingParty(request: FastifyRequest, config: Pick<Config, 'publicOrigin'>): RelyingParty {
  const origin = publicOrigin(request, config);
  return { name: 'Cope & Hope', id: new URL(origin).hostname, origin };
}

export type ChallengePurpose = 'register' | 'assert';

const CHALLENGE_TTL_MS = 5 * 60_000;
const MAX_CHALLENGES = 10_000;

export class ChallengeStore {
  private readonly bySession = new Map<
    string,
    { challenge: string; purpose: ChallengePurpose; expiresAt: number }
  >();

  constructor(private readonly now: () => number = Date.now) {}

  /** Remembers the challenge just given to this session (replacing any earlier one). */
  issue(sessionId: string, purpose: ChallengePurpose, challenge: string): void {
    const now = this.now();
    this.bySession.delete(sessionId);
    this.bySession.set(sessionId, { challenge, purpose, expiresAt: now + CHALLENGE_TTL_MS });
    if (this.bySession.size <= MAX_CHALLENGES) return;
    for (const [key, entry] of this.bySession) {
      if (this.bySession.size <= MAX_CHALLENGES && entry.expiresAt > now) break;
      this.bySession.delete(key);
    }
  }

  /** The session's pending challenge for this purpose, removed so it cannot be answered twice. */
  take(sessionId: string, purpose: ChallengePurpose): string | null {
    const entry = this.bySession.get(sessionId);
    if (!entry || entry.purpose !== purpose) return null;
    this.bySession.delete(sessionId);
    return entry.expiresAt > this.now() ? entry.challenge : null;
  }
}
