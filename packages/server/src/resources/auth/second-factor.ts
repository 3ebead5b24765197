/**
 * The second factor, presented at sign-in (TOTP code, recovery code or passkey) or again for a
 * sensitive action (step-up: TOTP code or passkey). Success at sign-in rotates the session token;
 * every outcome is audited, failures in a transaction of their own.
 */
import type { TPasskeyAssertion, TStepUpRequest } from '@cope/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { authSession, staffUser } from '../../db/schema.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import { STEP_UP_MAX_AGE_MS } from '../../http/step-up.js';
import type { Keyring } from '../../security/keyring.js';
import { checkTotp } from '../../security/totp.js';
import { checkPasskeyAssertion, invalidPasskey } from './passkeys.js';
import { consumeRecoveryCode, recoveryCodesLeft } from './recovery-codes.js';
import { auditFailure, context, loadUser, openTotpSecret } from './service.js';
import { rotateSession, type Viewer } from './sessions.js';
import type { ChallengeStore, RelyingParty } from './webauthn.js';

const invalidCode = () =>
  new AppError('INVALID_MFA_CODE', 'That code is not valid. Wait for a new code in your app and try again.');

const invalidRecoveryCode = () =>
  new AppError(
    'INVALID_RECOVERY_CODE',
    'That recovery code is not valid or has already been used. Check it and try again.',
  );

/** A TOTP code for her secret, each time step accepted once. */
async function acceptTotp(tx: Tx, keyring: Keyring, viewer: Viewer, code: string): Promise<boolean> {
  const user = await loadUser(tx, viewer);
  const secret = await openTotpSecret(tx, keyring, user);
  if (!user.mfaEnrolledAt || !secret) {
    throw new AppError('CONFLICT', 'Set up your authenticator app first.');
  }
  const check = await checkTotp(secret, code, user.totpLastStep);
  if (!check.valid || check.timeStep === undefined) return false;
  await tx.update(staffUser).set({ totpLastStep: check.timeStep }).where(eq(staffUser.id, user.id));
  return true;
}

async function requireEnrolled(tx: Tx, viewer: Viewer): Promise<void> {
  const user = await loadUser(tx, viewer);
  if (!user.mfaEnrolledAt) throw new AppError('CONFLICT', 'Set up your second factor first.');
}

/** Audits the success and opens the fully signed-in session (new token). */
async function completeSignIn(
  tx: Tx,
  viewer: Viewer,
  userAgent: string | undefined,
  factor: { resourceType: string; resourceId: string },
) {
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'auth.second_factor',
    ...factor,
  });
  return rotateSession(tx, viewer, { mfaVerified: true, userAgent });
}

export async function signInWithTotp(
  db: TenantDb,
  keyring: Keyring,
  viewer: Viewer,
  code: string,
  userAgent?: string,
): Promise<string> {
  const token = await db.run(context(viewer), async (tx) => {
    if (!(await acceptTotp(tx, keyring, viewer, code))) return null;
    return completeSignIn(tx, viewer, userAgent, { resourceType: 'staff_user', resourceId: viewer.userId });
  });
  if (token === null) {
    await auditFailure(db, viewer, 'auth.second_factor_failed');
    throw invalidCode();
  }
  return token;
}

export async function signInWithRecoveryCode(
  db: TenantDb,
  viewer: Viewer,
  code: string,
  userAgent?: string,
): Promise<{ token: string; recoveryCodesLeft: number }> {
  const result = await db.run(context(viewer), async (tx) => {
    await requireEnrolled(tx, viewer);
    if (!(await consumeRecoveryCode(tx, viewer.userId, code))) return null;
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action: 'auth.recovery_code_used',
      resourceType: 'staff_user',
      resourceId: viewer.userId,
    });
    const token = await completeSignIn(tx, viewer, userAgent, {
      resourceType: 'recovery_code',
      resourceId: viewer.userId,
    });
    return { token, recoveryCodesLeft: await recoveryCodesLeft(tx, viewer.userId) };
  });
  if (!result) {
    await auditFailure(db, viewer, 'auth.second_factor_failed');
    throw invalidRecoveryCode();
  }
  return result;
}

export async function signInWithPasskey(
  db: TenantDb,
  viewer: Viewer,
  passkey: { rp: RelyingParty; challenges: ChallengeStore; response: TPasskeyAssertion },
  userAgent?: string,
): Promise<string> {
  const challenge = passkey.challenges.take(viewer.sessionId, 'assert');
  const token = await db.run(context(viewer), async (tx) => {
    await requireEnrolled(tx, viewer);
    const used = await checkPasskeyAssertion(tx, viewer, passkey.rp, challenge, passkey.response);
    if (!used) return null;
    return completeSignIn(tx, viewer, userAgent, {
      resourceType: 'webauthn_credential',
      resourceId: used.credentialId,
    });
  });
  if (token === null) {
    await auditFailure(db, viewer, 'auth.second_factor_failed');
    throw invalidPasskey();
  }
  return token;
}

/**
 * Step-up: a fresh second factor opens the most sensitive actions for five minutes. The session
 * token is not rotated (nothing about who is signed in changes); the time is recorded on it.
 */
export async function stepUp(
  db: TenantDb,
  keyring: Keyring,
  viewer: Viewer,
  input: TStepUpRequest,
  passkeys: { rp: RelyingParty; challenges: ChallengeStore },
): Promise<{ stepUpUntil: string }> {
  const challenge = 'passkey' in input ? passkeys.challenges.take(viewer.sessionId, 'assert') : null;
  const at = await db.run(context(viewer), async (tx) => {
    const factor =
      'passkey' in input
        ? await checkPasskeyAssertion(tx, viewer, passkeys.rp, challenge, input.passkey)
        : (await acceptTotp(tx, keyring, viewer, input.code))
          ? { credentialId: null }
          : null;
    if (!factor) return null;
    const now = new Date();
    await tx.update(authSession).set({ stepUpAt: now }).where(eq(authSession.id, viewer.sessionId));
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action: 'auth.step_up',
      resourceType: factor.credentialId ? 'webauthn_credential' : 'staff_user',
      resourceId: factor.credentialId ?? viewer.userId,
    });
    return now;
  });
  if (!at) {
    await auditFailure(db, viewer, 'auth.step_up_failed');
    throw 'passkey' in input ? invalidPasskey() : invalidCode();
  }
  return { stepUpUntil: new Date(at.getTime() + STEP_UP_MAX_AGE_MS).toISOString() };
}
