/**
 * Server-side sessions: creation, lookup by token hash, expiry, rotation and ending.
 * The cookie carries only the opaque token; everything else stays in the database.
 */
import { randomUUID } from 'node:crypto';
import {
  effectiveMatrix,
  isSessionExpired,
  isStaffRole,
  type OrganizationId,
  type SectionMatrix,
  type SessionId,
  type SessionTimeouts,
  type StaffRole,
  sessionExpiresAt,
  type UserId,
} from '@cope/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { authSession, organization, staffUser } from '../../db/schema.js';
import { enterTenant, type TenantDb, type Tx } from '../../db/tenant.js';
import { hashToken, newSessionToken } from '../../security/tokens.js';
import { mayEnrolSecondFactor } from './enrolment-gate.js';

export type SessionState = 'mfa_enrolment_required' | 'enrolment_link_required' | 'mfa_required' | 'active';

/** Who is making the request, as far as the server has established. */
export interface Viewer {
  sessionId: SessionId;
  userId: UserId;
  organizationId: OrganizationId;
  roles: StaffRole[];
  state: SessionState;
  expiresAt: Date;
  timeouts: SessionTimeouts;
  /** Last time this session presented a second factor (sign-in or step-up). */
  stepUpAt: Date | null;
  /** The organization's section access matrix (defaults with its own changes). */
  sectionMatrix: SectionMatrix;
}

// Writing last_seen_at on every request would turn reads into writes; a minute of slack in
// the idle timer is acceptable.
const TOUCH_INTERVAL_MS = 30_000;

export async function createSession(
  tx: Tx,
  input: { organizationId: string; userId: string; mfaVerified: boolean; userAgent?: string | undefined },
): Promise<string> {
  const token = newSessionToken();
  await tx.insert(authSession).values({
    id: randomUUID(),
    organizationId: input.organizationId,
    userId: input.userId,
    tokenHash: hashToken(token),
    mfaVerifiedAt: input.mfaVerified ? new Date() : null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** Ends the current session and opens a fresh one (new token) for the same user. */
export async function rotateSession(
  tx: Tx,
  viewer: Viewer,
  input: { mfaVerified: boolean; userAgent?: string | undefined },
): Promise<string> {
  await tx.update(authSession).set({ endedAt: new Date() }).where(eq(authSession.id, viewer.sessionId));
  return createSession(tx, {
    organizationId: viewer.organizationId,
    userId: viewer.userId,
    mfaVerified: input.mfaVerified,
    userAgent: input.userAgent,
  });
}

export async function endSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.update(authSession).set({ endedAt: new Date() }).where(eq(authSession.id, sessionId));
}

/** Ends every open session of one person (sign out everywhere, account disabled, factor reset). */
export async function endSessionsOfUser(tx: Tx, userId: string): Promise<number> {
  const ended = await tx
    .update(authSession)
    .set({ endedAt: new Date() })
    .where(and(eq(authSession.userId, userId), isNull(authSession.endedAt)))
    .returning({ id: authSession.id });
  return ended.length;
}

export async function resolveSession(db: TenantDb, token: string, now = new Date()): Promise<Viewer | null> {
  if (token.length < 20 || token.length > 100) return null;
  const tokenHash = hashToken(token);
  return db.lookup({ sessionTokenHash: tokenHash }, async (tx) => {
    const [session] = await tx
      .select()
      .from(authSession)
      .where(and(eq(authSession.tokenHash, tokenHash), isNull(authSession.endedAt)))
      .limit(1);
    if (!session) return null;
    await enterTenant(tx, { organizationId: session.organizationId, userId: session.userId });
    const [row] = await tx
      .select({ user: staffUser, org: organization })
      .from(staffUser)
      .innerJoin(organization, eq(organization.id, staffUser.organizationId))
      .where(eq(staffUser.id, session.userId))
      .limit(1);
    if (!row) return null;
    const timeouts: SessionTimeouts = {
      idleMinutes: row.org.idleTimeoutMinutes,
      absoluteMinutes: row.org.absoluteTimeoutMinutes,
    };
    const times = { createdAt: session.createdAt, lastSeenAt: session.lastSeenAt };
    if (row.user.disabledAt || isSessionExpired(times, timeouts, now)) {
      await endSession(tx, session.id);
      return null;
    }
    let lastSeenAt = session.lastSeenAt;
    if (now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      lastSeenAt = now;
      await tx.update(authSession).set({ lastSeenAt }).where(eq(authSession.id, session.id));
    }
    const state: SessionState = !row.user.mfaEnrolledAt
      ? (await mayEnrolSecondFactor(tx, row.user, session.id))
        ? 'mfa_enrolment_required'
        : 'enrolment_link_required'
      : session.mfaVerifiedAt
        ? 'active'
        : 'mfa_required';
    return {
      sessionId: session.id as SessionId,
      userId: row.user.id as UserId,
      organizationId: row.user.organizationId as OrganizationId,
      roles: row.user.roles.filter(isStaffRole),
      state,
      expiresAt: sessionExpiresAt({ createdAt: session.createdAt, lastSeenAt }, timeouts),
      timeouts,
      stepUpAt: session.stepUpAt ?? session.mfaVerifiedAt ?? null,
      sectionMatrix: effectiveMatrix(row.org.sectionMatrix as Partial<SectionMatrix> | null),
    };
  });
}
