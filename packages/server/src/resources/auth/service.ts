/** Sign-in, second factor and enrolment: the steps behind the auth routes. */

import { isStaffRole } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { organization, staffUser } from '../../db/schema.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import { verifyPassword } from '../../security/passwords.js';
import { checkTotp, newTotpSecret, totpQrSvg, totpUri } from '../../security/totp.js';
import { createSession, rotateSession, type SessionState, type Viewer } from './sessions.js';

const INVALID_CREDENTIALS = () =>
  new AppError('INVALID_CREDENTIALS', 'The email or password is not right. Check both and try again.');

export async function signIn(
  db: TenantDb,
  input: { email: string; password: string; userAgent?: string | undefined },
): Promise<{ token: string; state: SessionState }> {
  const user = await db.lookup({ signInEmail: input.email }, async (tx) => {
    const [row] = await tx.select().from(staffUser).where(eq(staffUser.email, input.email)).limit(1);
    return row ?? null;
  });
  // Always verify (against a dummy hash when there is no account) so timing reveals nothing.
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) throw INVALID_CREDENTIALS();
  const token = await db.run({ organizationId: user.organizationId, userId: user.id }, (tx) =>
    createSession(tx, {
      organizationId: user.organizationId,
      userId: user.id,
      mfaVerified: false,
      userAgent: input.userAgent,
    }),
  );
  return { token, state: user.mfaEnrolledAt ? 'mfa_required' : 'mfa_enrolment_required' };
}

async function loadUser(tx: Tx, viewer: Viewer) {
  const [user] = await tx.select().from(staffUser).where(eq(staffUser.id, viewer.userId)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return user;
}

const context = (viewer: Viewer) => ({ organizationId: viewer.organizationId, userId: viewer.userId });

export const totpSecretRef = (userId: string) => ({
  table: 'staff_user',
  column: 'totp_secret',
  recordId: userId,
});

async function openTotpSecret(
  tx: Tx,
  keyring: Keyring,
  user: { id: string; organizationId: string; totpSecretEnc: string | null },
) {
  if (!user.totpSecretEnc) return null;
  return keyring.openForOrganization(tx, user.organizationId, totpSecretRef(user.id), user.totpSecretEnc);
}

/** Second step of sign-in: a TOTP code, accepted once. Rotates the session token. */
export async function verifySecondFactor(
  db: TenantDb,
  keyring: Keyring,
  viewer: Viewer,
  code: string,
  userAgent?: string,
): Promise<string> {
  return db.run(context(viewer), async (tx) => {
    const user = await loadUser(tx, viewer);
    const secret = await openTotpSecret(tx, keyring, user);
    if (!user.mfaEnrolledAt || !secret) {
      throw new AppError('CONFLICT', 'Set up your authenticator app first.');
    }
    const check = await checkTotp(secret, code, user.totpLastStep);
    if (!check.valid || check.timeStep === undefined) {
      throw new AppError(
        'INVALID_MFA_CODE',
        'That code is not valid. Wait for a new code in your app and try again.',
      );
    }
    await tx.update(staffUser).set({ totpLastStep: check.timeStep }).where(eq(staffUser.id, user.id));
    return rotateSession(tx, viewer, { mfaVerified: true, userAgent });
  });
}

/** Starts (or restarts) enrolment of an authenticator app for an account without one. */
export async function startEnrolment(db: TenantDb, keyring: Keyring, viewer: Viewer) {
  const secret = newTotpSecret();
  const { email, orgName } = await db.run(context(viewer), async (tx) => {
    const user = await loadUser(tx, viewer);
    if (user.mfaEnrolledAt) throw new AppError('CONFLICT', 'Your authenticator app is already set up.');
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

/** Confirms enrolment with a first code from the app; the session becomes fully signed in. */
export async function confirmEnrolment(
  db: TenantDb,
  keyring: Keyring,
  viewer: Viewer,
  code: string,
  userAgent?: string,
) {
  return db.run(context(viewer), async (tx) => {
    const user = await loadUser(tx, viewer);
    if (user.mfaEnrolledAt) throw new AppError('CONFLICT', 'Your authenticator app is already set up.');
    const secret = await openTotpSecret(tx, keyring, user);
    if (!secret) throw new AppError('CONFLICT', 'Start the set-up first.');
    const check = await checkTotp(secret, code, null);
    if (!check.valid || check.timeStep === undefined) {
      throw new AppError(
        'INVALID_MFA_CODE',
        'That code does not match. Check the app shows "Cope & Hope" and try the newest code.',
      );
    }
    await tx
      .update(staffUser)
      .set({ mfaEnrolledAt: new Date(), totpLastStep: check.timeStep })
      .where(eq(staffUser.id, user.id));
    return rotateSession(tx, viewer, { mfaVerified: true, userAgent });
  });
}

export async function describeViewer(db: TenantDb, viewer: Viewer, demo: boolean) {
  return db.run(context(viewer), async (tx) => {
    const user = await loadUser(tx, viewer);
    const [org] = await tx.select().from(organization).where(eq(organization.id, user.organizationId));
    return {
      state: viewer.state,
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
    };
  });
}
