/**
 * Passkeys (WebAuthn) as a second factor: registration from the profile, the list she manages,
 * and checking an assertion at sign-in or step-up. User verification (PIN or biometric on the
 * device) is required every time, so a passkey alone is possession and knowledge together.
 */
import type { TPasskeyAssertion, TPasskeyRegistration } from '@cope/contracts';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { staffUser, webauthnCredential } from '../../db/schema.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Viewer } from './sessions.js';
import type { ChallengeStore, RelyingParty } from './webauthn.js';

const TIMEOUT_MS = 120_000;
const context = (viewer: Viewer) => ({ organizationId: viewer.organizationId, userId: viewer.userId });

export const invalidPasskey = (message = 'The passkey could not be confirmed. Try again.') =>
  new AppError('INVALID_PASSKEY', message);

function userCredentials(tx: Tx, userId: string) {
  return tx
    .select()
    .from(webauthnCredential)
    .where(eq(webauthnCredential.userId, userId))
    .orderBy(asc(webauthnCredential.createdAt));
}

const descriptor = (row: { id: string; transports: string[] | null }) => ({
  id: row.id,
  ...(row.transports ? { transports: row.transports } : {}),
});

export async function registrationOptions(
  db: TenantDb,
  viewer: Viewer,
  rp: RelyingParty,
  challenges: ChallengeStore,
) {
  const { user, existing } = await db.run(context(viewer), async (tx) => {
    const [user] = await tx.select().from(staffUser).where(eq(staffUser.id, viewer.userId));
    return { user, existing: await userCredentials(tx, viewer.userId) };
  });
  if (!user) throw notFound('Your account');
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map(descriptor),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    timeout: TIMEOUT_MS,
  });
  challenges.issue(viewer.sessionId, 'register', options.challenge);
  return options;
}

export async function registerPasskey(
  db: TenantDb,
  viewer: Viewer,
  rp: RelyingParty,
  challenges: ChallengeStore,
  input: { label: string; response: TPasskeyRegistration },
) {
  const expectedChallenge = challenges.take(viewer.sessionId, 'register');
  if (!expectedChallenge) throw invalidPasskey('This request has expired. Start adding the passkey again.');
  const result = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch(() => null);
  if (!result?.verified) throw invalidPasskey();
  const { credential } = result.registrationInfo;
  return db.run(context(viewer), async (tx) => {
    const [clash] = await tx
      .select({ id: webauthnCredential.id })
      .from(webauthnCredential)
      .where(eq(webauthnCredential.id, credential.id));
    if (clash) throw new AppError('CONFLICT', 'This passkey is already registered.');
    const [row] = await tx
      .insert(webauthnCredential)
      .values({
        id: credential.id,
        organizationId: viewer.organizationId,
        userId: viewer.userId,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? null,
        label: input.label,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action: 'auth.passkey_added',
      resourceType: 'webauthn_credential',
      resourceId: credential.id,
    });
    if (!row) throw new AppError('INTERNAL', 'The passkey was not saved.');
    return row;
  });
}

/** Options for proving possession of one of her passkeys (second step of sign-in, step-up). */
export async function assertionOptions(
  db: TenantDb,
  viewer: Viewer,
  rp: RelyingParty,
  challenges: ChallengeStore,
) {
  const existing = await db.run(context(viewer), (tx) => userCredentials(tx, viewer.userId));
  if (existing.length === 0) throw new AppError('CONFLICT', 'No passkey is registered for your account.');
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: existing.map(descriptor),
    userVerification: 'required',
    timeout: TIMEOUT_MS,
  });
  challenges.issue(viewer.sessionId, 'assert', options.challenge);
  return options;
}

/**
 * Checks an assertion against the challenge this session was given and one of her own
 * credentials; records the new signature counter. Null when it does not verify.
 */
export async function checkPasskeyAssertion(
  tx: Tx,
  viewer: Viewer,
  rp: RelyingParty,
  expectedChallenge: string | null,
  response: TPasskeyAssertion,
): Promise<{ credentialId: string } | null> {
  if (!expectedChallenge) return null;
  const [row] = await tx
    .select()
    .from(webauthnCredential)
    .where(and(eq(webauthnCredential.id, response.id), eq(webauthnCredential.userId, viewer.userId)));
  if (!row) return null;
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: row.id,
      publicKey: new Uint8Array(Buffer.from(row.publicKey, 'base64url')),
      counter: row.counter,
      ...(row.transports ? { transports: row.transports } : {}),
    },
    requireUserVerification: true,
  }).catch(() => null);
  if (!result?.verified) return null;
  await tx
    .update(webauthnCredential)
    .set({ counter: result.authenticationInfo.newCounter, lastUsedAt: new Date() })
    .where(eq(webauthnCredential.id, row.id));
  return { credentialId: row.id };
}

export const presentPasskey = (row: typeof webauthnCredential.$inferSelect) => ({
  id: row.id,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export async function listPasskeys(db: TenantDb, viewer: Viewer) {
  const rows = await db.run(context(viewer), (tx) => userCredentials(tx, viewer.userId));
  return { items: rows.map(presentPasskey) };
}

export async function renamePasskey(db: TenantDb, viewer: Viewer, id: string, label: string) {
  const [row] = await db.run(context(viewer), (tx) =>
    tx
      .update(webauthnCredential)
      .set({ label })
      .where(and(eq(webauthnCredential.id, id), eq(webauthnCredential.userId, viewer.userId)))
      .returning(),
  );
  if (!row) throw notFound('This passkey');
  return presentPasskey(row);
}

export async function deletePasskey(db: TenantDb, viewer: Viewer, id: string) {
  await db.run(context(viewer), async (tx) => {
    const removed = await tx
      .delete(webauthnCredential)
      .where(and(eq(webauthnCredential.id, id), eq(webauthnCredential.userId, viewer.userId)))
      .returning({ id: webauthnCredential.id });
    if (removed.length === 0) throw notFound('This passkey');
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action: 'auth.passkey_removed',
      resourceType: 'webauthn_credential',
      resourceId: id,
    });
  });
}
