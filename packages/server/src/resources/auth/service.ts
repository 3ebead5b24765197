/** Sign-in with a password, enrolment of an authenticator app, and who is signed in. */

import { isStaffRole } from '@cope/domain';
import { count, eq } from 'drizzle-orm';
import { type AuditAction, recordAudit } from '../../audit/record.js';
import { organization, staffUser, webauthnCredential } from '../../db/schema.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import { verifyPassword } from '../../security/passwords.js';
import { checkTotp, newTotpSecret, totpQrSvg, totpUri } from '../../security/totp.js';
import { mayEnrolSecondFactor } from './enrolment-gate.js';
import { recoveryCodesLeft, replaceRecoveryCodes } from './recovery-codes.js';
import { createSession, rotateSession, type SessionState, type Viewer } from './sessions.js';

const INVALID_CREDENTIALS = () =>
  new AppError('INVALID_CREDENTIALS', 'The email or password is not right. Check both and try again.');

export const context = (viewer: { organizationId: string; userId: string }) => ({
  organizationId: viewer.organizationId,
  userId: viewer.userId,
});

/**
 * A failed attempt is audited in a transaction of its own: the request's own work is refused,
 * but the attempt must still leave a trace.
 */
export async function auditFailure(
  db: TenantDb,
  who: { organizationId: string; userId: string },
  action: AuditAction,
): Promise<void> {
  await db.run(context(who), (tx) =>
    recordAudit(tx, {
      organizationId: who.organizationId,
      actorUserId: who.userId,
      action,
      resourceType: 'staff_user',
      resourceId: who.userId,
      outcome: 'denied',
    }),
  );
}

export async function signIn(
  db: TenantDb,
  input: { email: string; password: string; userAgent?: string | undefined },
): Promise<{ token: string; state: SessionState }> {
  const user = await db.lookup({ signInEmail: input.email }, async (tx) => {
    const [row] = await tx.select().from(staffUser).where(eq(staffUser.email, input.email)).limit(1);
    return row ?? null;
  });
  // Always verify (against a dummy hash when there is no account or no password yet) so timing
  // reveals nothing; a disabled account gets the same answer as a wrong password.
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) {
    if (user)
      await auditFailure(db, { organizationId: user.organizationId, userId: user.id }, 'auth.sign_in_failed');
    throw INVALID_CREDENTIALS();
  }
  return db.run({ organizationId: user.organizationId, userId: user.id }, async (tx) => {
    const token = await createSession(tx, {
      organizationId: user.organizationId,
      userId: user.id,
      mfaVerified: false,
      userAgent: input.userAgent,
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorUserId: user.id,
      action: 'auth.sign_in',
    });
    const state: SessionState = user.mfaEnrolledAt
      ? 'mfa_required'
      : (await mayEnrolSecondFactor(tx, user, null))
        ? 'mfa_enrolment_required'
        : 'enrolment_link_required';
    return { token, state };
  });
}

export async function loadUser(tx: Tx, viewer: Pick<Viewer, 'userId'>) {
  const [user] = await tx.select().from(staffUser).where(eq(staffUser.id, viewer.userId)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return user;
}

export const totpSecretRef = (userId: string) => ({
  table: 'staff_user',
  column: 'totp_secret',
  recordId: userId,
});

export async function openTotpSecret(
  tx: Tx,
  keyring: Keyring,
  user: { id: string; organizationId: string; totpSecretEnc: string | null },
) {
  if (!user.totpSecretEnc) return null;
  return keyring.openForOrganization(tx, user.organizationId, totpSecretRef(user.id), user.totpSecretEnc);
}

function requireEnrolmentOpen(viewer: Viewer): void {
  if (viewer.state === 'enrolment_link_required') {
    throw new AppError(
      'ENROLMENT_LINK_REQUIRED',
      'To set up a new second factor you need a set-up link from your administrator.',
    );
  }
  if (viewer.state !== 'mfa_enrolment_required') {
    throw new AppError('CONFLICT', 'Your authenticator app is already set up.');
  }
}

/** Starts (or restarts) enrolment of an authenticator app for an account without one. */
export async function startEnrolment(db: TenantDb, keyring: Keyring, viewer: Viewer) {
  requireEnrolmentOpen(viewer);
  const secret = newTotpSecret();
  const { email, orgName } = await db.run(context(viewer), async (tx) => {
    const user = await loadUser(tx, viewer);
    const [org] = await tx.select().from(organization).where(eq(organization.id, user.organizationId));
    await tx
      .update(staffUser)
      .set({
        totpSecretEnc: await keyring.sealForOrganization(
          tx,
          user.organizationId,
          totpSecretRef(user.id),
          secret,
        ),
        totpLastStep: null,
      })
      .where(eq(staffUser.id, user.id));
    return { email: user.email, orgName: org?.name ?? '' };
  });
  const otpauthUri = totpUri(secret, `${orgName} (${email})`);
  return { secret, otpauthUri, qrCodeSvg: await totpQrSvg(otpauthUri) };
}

/**
 * Confirms enrolment with a first code from the app; the session becomes fully signed in and
 * she receives her ten recovery codes, shown once.
 */
export async function confirmEnrolment(
  db: TenantDb,
  keyring: Keyring,
  viewer: Viewer,
  code: string,
  userAgent?: string,
): Promise<{ token: string; recoveryCodes: string[] }> {
  requireEnrolmentOpen(viewer);
  const result = await db.run(context(viewer), async (tx) => {
    const user = await loadUser(tx, viewer);
    const secret = await openTotpSecret(tx, keyring, user);
    if (!secret) throw new AppError('CONFLICT', 'Start the set-up first.');
    const check = await checkTotp(secret, code, null);
    if (!check.valid || check.timeStep === undefined) return null;
    await tx
      .update(staffUser)
      .set({ mfaEnrolledAt: new Date(), totpLastStep: check.timeStep })
      .where(eq(staffUser.id, user.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, context(viewer));
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action: 'auth.mfa_enrolled',
    });
    return { token: await rotateSession(tx, viewer, { mfaVerified: true, userAgent }), recoveryCodes };
  });
  if (!result) {
    throw new AppError(
      'INVALID_MFA_CODE',
      'That code does not match. Check the app shows "Cope & Hope" and try the newest code.',
    );
  }
  return result;
}

export async function describeViewer(db: TenantDb, viewer: Viewer, demo: boolean, csrfToken: string) {
  return db.run(context(viewer), async (tx) => {
    const user = await loadUser(tx, viewer);
    const [org] = await tx.select().from(organization).where(eq(organization.id, user.organizationId));
    const [passkeys] = await tx
      .select({ n: count() })
      .from(webauthnCredential)
      .where(eq(webauthnCredential.userId, user.id));
    return {
      state: viewer.state,
      csrfToken,
      user: {
        id: user.id,
        displayName: user.displayName,
        email: user.email,
        roles: user.roles.filter(isStaffRole),
        locale: user.locale,
      },
      organization: { id: user.organizationId, name: org?.name ?? '' },
      session: { expiresAt: viewer.expiresAt.toISOString(), idleMinutes: viewer.timeouts.idleMinutes },
      demo,
      secondFactors: {
        totp: user.mfaEnrolledAt !== null,
        passkeys: Number(passkeys?.n ?? 0),
        recoveryCodesLeft: await recoveryCodesLeft(tx, user.id),
      },
      mfaResetAt: user.mfaResetAt?.toISOString() ?? null,
    };
  });
}
