/** Helpers for the security-core tests: simulating step-up and seeding full identities. */
import { csrfTokenFor } from '../src/resources/auth/csrf.js';
import { createParticipantRecord } from '../src/resources/participants/records.js';
import { hashToken } from '../src/security/tokens.js';
import type { TestDatabase } from './databases.js';

export function sessionToken(cookie: string): string {
  const token = cookie.split('=')[1];
  if (!token) throw new Error(`not a session cookie header: ${cookie}`);
  return token;
}

/** Headers of a write from our own pages: the session cookie and its CSRF token. */
export function writeHeaders(cookie: string): Record<string, string> {
  return { cookie, 'x-csrf-token': csrfTokenFor(sessionToken(cookie)) };
}

/**
 * Simulates POST /api/auth/step-up (built elsewhere): marks the session as having presented a
 * second factor `secondsAgo` seconds ago, through the owner connection.
 */
export async function simulateStepUp(database: TestDatabase, cookie: string, secondsAgo = 0): Promise<void> {
  const rows = await database.ownerQuery(
    `update auth_session set step_up_at = now() - make_interval(secs => $2) where token_hash = $1 returning id`,
    [hashToken(sessionToken(cookie)), secondsAgo],
  );
  if (rows.length !== 1) throw new Error('no session to step up');
}

export interface Identity {
  preferredName: string;
  legalName?: string;
  birthDate?: string;
  referenceUserId?: string;
}

/** Participants with legal names and birth dates (the factory seeds preferred names only). */
export async function createParticipants(
  database: Pick<TestDatabase, 'db' | 'keyring'>,
  organizationId: string,
  identities: Identity[],
): Promise<{ id: string; caseCode: string }[]> {
  return database.db.run({ organizationId, userId: null }, async (tx) => {
    const created = [];
    for (const identity of identities) {
      const { id, caseCode } = await createParticipantRecord(tx, database.keyring, {
        organizationId,
        preferredName: identity.preferredName,
        legalName: identity.legalName ?? null,
        birthDate: identity.birthDate ?? null,
        referenceUserId: identity.referenceUserId ?? null,
        status: 'active',
        riskLevel: 'high',
      });
      created.push({ id, caseCode });
    }
    return created;
  });
}
