/**
 * One-time set-up links, made by an administrator and opened by the staff member herself:
 * - `invitation`: a new account has no password; she chooses one, then sets up her second factor;
 * - `second_factor`: after a reset she confirms her current password, then sets up a new factor.
 * The token (256 random bits) is shown once and stored as its SHA-256 hash; it works for 72 hours
 * and once. Issuing a new link closes the earlier ones. The session the link opens is the only
 * one allowed to enrol (see enrolment-gate.ts), so the administrator never knows her password
 * and a password alone never enrols a new factor.
 */
import { randomUUID } from 'node:crypto';
import type { TSetupLinkKind } from '@cope/contracts';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { authSession, organization, staffInvitation, staffUser } from '../../db/schema.js';
import { enterTenant, type TenantDb, type Tx } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import {
  hashPassword,
  PASSWORD_MESSAGES,
  passwordProblem,
  verifyPassword,
} from '../../security/passwords.js';
import { hashToken, newSessionToken } from '../../security/tokens.js';
import { auditFailure } from './service.js';
import { createSession } from './sessions.js';

export const SETUP_LINK_HOURS = 72;

const invalidLink = () =>
  new AppError(
    'SETUP_LINK_INVALID',
    'This link is no longer valid: it has expired, was already used or was replaced by a newer one. Ask your administrator for a new link.',
  );

/** Closes any open link of hers and makes a new one; returns the token to hand over once. */
export async function issueSetupLink(
  tx: Tx,
  input: { organizationId: string; userId: string; kind: TSetupLinkKind; createdByUserId: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  await tx
    .update(staffInvitation)
    .set({ closedAt: now })
    .where(and(eq(staffInvitation.userId, input.userId), isNull(staffInvitation.closedAt)));
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
  await tx.insert(staffInvitation).values({
    id: randomUUID(),
    organizationId: input.organizationId,
    userId: input.userId,
    kind: input.kind,
    tokenHash: hashToken(token),
    createdByUserId: input.createdByUserId,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The open link with this token, with its person and organization; null if none. */
async function findOpenLink(db: TenantDb, token: string, now = new Date()) {
  const tokenHash = hashToken(token);
  return db.lookup({ invitationTokenHash: tokenHash }, async (tx) => {
    const [link] = await tx
      .select()
      .from(staffInvitation)
      .where(
        and(
          eq(staffInvitation.tokenHash, tokenHash),
          isNull(staffInvitation.closedAt),
          gt(staffInvitation.expiresAt, now),
        ),
      )
      .limit(1);
    if (!link) return null;
    await enterTenant(tx, { organizationId: link.organizationId, userId: link.userId });
    const [row] = await tx
      .select({ user: staffUser, org: organization })
      .from(staffUser)
      .innerJoin(organization, eq(organization.id, staffUser.organizationId))
      .where(eq(staffUser.id, link.userId));
    if (!row || row.user.disabledAt) return null;
    return { link, user: row.user, organizationName: row.org.name };
  });
}

export async function describeSetupLink(db: TenantDb, token: string) {
  const found = await findOpenLink(db, token);
  if (!found) throw invalidLink();
  return {
    kind: found.link.kind,
    displayName: found.user.displayName,
    email: found.user.email,
    organizationName: found.organizationName,
    expiresAt: found.link.expiresAt.toISOString(),
  };
}

/**
 * Opens the link: sets her password (invitation) or checks it (after a reset), closes the link
 * and starts the session in which she sets up her second factor.
 */
export async function acceptSetupLink(
  db: TenantDb,
  input: { token: string; password: string; userAgent?: string | undefined },
): Promise<{ token: string; email: string }> {
  const found = await findOpenLink(db, input.token);
  if (!found) throw invalidLink();
  const { link, user } = found;
  const who = { organizationId: user.organizationId, userId: user.id };
  let passwordHash: string | null = null;
  if (link.kind === 'invitation') {
    const problem = passwordProblem(input.password);
    if (problem) {
      throw new AppError('VALIDATION_FAILED', PASSWORD_MESSAGES[problem], [
        { field: 'password', message: PASSWORD_MESSAGES[problem] },
      ]);
    }
    passwordHash = await hashPassword(input.password);
  } else if (!(await verifyPassword(user.passwordHash, input.password))) {
    await auditFailure(db, who, 'auth.sign_in_failed');
    throw new AppError('INVALID_CREDENTIALS', 'That is not your current password. Check it and try again.');
  }
  const token = await db.run(who, async (tx) => {
    // Closing with a condition makes the link single-use even when two requests race.
    const closed = await tx
      .update(staffInvitation)
      .set({ closedAt: new Date() })
      .where(and(eq(staffInvitation.id, link.id), isNull(staffInvitation.closedAt)))
      .returning({ id: staffInvitation.id });
    if (closed.length === 0) throw invalidLink();
    if (passwordHash) await tx.update(staffUser).set({ passwordHash }).where(eq(staffUser.id, user.id));
    const sessionToken = await createSession(tx, { ...who, mfaVerified: false, userAgent: input.userAgent });
    const [session] = await tx
      .select({ id: authSession.id })
      .from(authSession)
      .where(eq(authSession.tokenHash, hashToken(sessionToken)));
    if (!session) throw new AppError('INTERNAL', 'The session was not created.');
    await tx
      .update(staffInvitation)
      .set({ acceptedSessionId: session.id })
      .where(eq(staffInvitation.id, link.id));
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorUserId: user.id,
      action: 'auth.setup_link_used',
      resourceType: 'staff_invitation',
      resourceId: link.id,
    });
    return sessionToken;
  });
  return { token, email: user.email };
}
