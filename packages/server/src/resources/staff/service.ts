/**
 * Staff administration: invitations, disabling and enabling accounts, resetting a second factor
 * and new set-up links. Each change and its audit event share one transaction. Administrators
 * never set or see a password: people choose their own through a one-time link.
 */
import { randomUUID } from 'node:crypto';
import type { TInviteStaffRequest, TSetupLinkKind } from '@cope/contracts';
import { eq } from 'drizzle-orm';
import { type AuditAction, recordAudit } from '../../audit/record.js';
import { notification, recoveryCode, staffUser, webauthnCredential } from '../../db/schema.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import { endSessionsOfUser, type Viewer } from '../auth/sessions.js';
import { issueSetupLink } from '../auth/setup-links.js';
import { presentStaffMember, staffStatus } from './presenter.js';
import { findStaffUser, loadStaff, loadStaffMember } from './queries.js';

const context = (viewer: Viewer) => ({ organizationId: viewer.organizationId, userId: viewer.userId });

export const setupLinkUrl = (origin: string, token: string) => `${origin}/invite/${token}`;

async function present(tx: Tx, viewer: Viewer, userId: string) {
  const member = await loadStaffMember(tx, userId);
  if (!member) throw notFound('This staff member');
  return presentStaffMember(member.row, member.facts, viewer);
}

async function audit(tx: Tx, viewer: Viewer, action: AuditAction, userId: string) {
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action,
    resourceType: 'staff_user',
    resourceId: userId,
  });
}

/** Someone else in the organization; an administrator manages her own account from her profile. */
async function otherMember(tx: Tx, viewer: Viewer, userId: string) {
  const row = await findStaffUser(tx, userId);
  if (!row) throw notFound('This staff member');
  if (row.id === viewer.userId) {
    throw new AppError('CONFLICT', 'You cannot do this to your own account. Ask another administrator.');
  }
  return row;
}

export async function listStaff(db: TenantDb, viewer: Viewer) {
  const { rows, facts } = await db.run(context(viewer), (tx) => loadStaff(tx));
  return {
    items: rows.flatMap((row) => {
      const f = facts.get(row.id);
      return f ? [presentStaffMember(row, f, viewer)] : [];
    }),
  };
}

/** PostgreSQL's unique_violation, on the error or the driver error it wraps. */
function isUniqueViolation(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  if ('code' in error && error.code === '23505') return true;
  return 'cause' in error && isUniqueViolation(error.cause, depth + 1);
}

async function withLink(
  tx: Tx,
  viewer: Viewer,
  origin: string,
  input: { userId: string; kind: TSetupLinkKind },
) {
  const { token, expiresAt } = await issueSetupLink(tx, {
    organizationId: viewer.organizationId,
    userId: input.userId,
    kind: input.kind,
    createdByUserId: viewer.userId,
  });
  return {
    member: await present(tx, viewer, input.userId),
    link: { kind: input.kind, url: setupLinkUrl(origin, token), expiresAt: expiresAt.toISOString() },
  };
}

/** Creates the account without a password and returns her invitation link (shown once). */
export async function inviteStaff(db: TenantDb, viewer: Viewer, input: TInviteStaffRequest, origin: string) {
  const userId = randomUUID();
  try {
    return await db.run(context(viewer), async (tx) => {
      await tx.insert(staffUser).values({
        id: userId,
        organizationId: viewer.organizationId,
        email: input.email,
        displayName: input.displayName,
        roles: input.roles,
        locale: input.locale,
        passwordHash: null,
      });
      await audit(tx, viewer, 'staff.invite', userId);
      return withLink(tx, viewer, origin, { userId, kind: 'invitation' });
    });
  } catch (error) {
    // Email addresses are unique across the installation, since sign-in starts from them.
    if (isUniqueViolation(error)) {
      throw new AppError('EMAIL_TAKEN', 'An account with this email address already exists.', [
        { field: 'email', message: 'An account with this email address already exists.' },
      ]);
    }
    throw error;
  }
}

/** Disables the account and ends all of its sessions at once. */
export async function disableStaff(db: TenantDb, viewer: Viewer, userId: string) {
  return db.run(context(viewer), async (tx) => {
    const row = await otherMember(tx, viewer, userId);
    if (!row.disabledAt) {
      await tx.update(staffUser).set({ disabledAt: new Date() }).where(eq(staffUser.id, userId));
      await endSessionsOfUser(tx, userId);
      await audit(tx, viewer, 'account.disabled', userId);
    }
    return { member: await present(tx, viewer, userId) };
  });
}

export async function enableStaff(db: TenantDb, viewer: Viewer, userId: string) {
  return db.run(context(viewer), async (tx) => {
    const row = await otherMember(tx, viewer, userId);
    if (row.disabledAt) {
      await tx.update(staffUser).set({ disabledAt: null }).where(eq(staffUser.id, userId));
      await audit(tx, viewer, 'account.enabled', userId);
    }
    return { member: await present(tx, viewer, userId) };
  });
}

/**
 * Clears every second factor she has (authenticator app, passkeys, recovery codes), ends her
 * sessions and returns the one-time link with which she sets up a new one. She is told at her
 * next sign-in; her password alone will not let her (or anyone) enrol a new factor.
 */
export async function resetSecondFactor(db: TenantDb, viewer: Viewer, userId: string, origin: string) {
  return db.run(context(viewer), async (tx) => {
    const row = await otherMember(tx, viewer, userId);
    const status = staffStatus(row);
    if (status === 'disabled' || status === 'invited') {
      throw new AppError('CONFLICT', 'Only an account in use can have its second factor reset.');
    }
    const now = new Date();
    await tx
      .update(staffUser)
      .set({ totpSecretEnc: null, totpLastStep: null, mfaEnrolledAt: null, mfaResetAt: now })
      .where(eq(staffUser.id, userId));
    await tx.delete(webauthnCredential).where(eq(webauthnCredential.userId, userId));
    await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
    await endSessionsOfUser(tx, userId);
    await tx.insert(notification).values({
      id: randomUUID(),
      organizationId: viewer.organizationId,
      recipientUserId: userId,
      kind: 'second_factor_reset',
      payload: { byUserId: viewer.userId, at: now.toISOString() },
    });
    await audit(tx, viewer, 'auth.mfa_reset', userId);
    return withLink(tx, viewer, origin, { userId, kind: 'second_factor' });
  });
}

/** A new link for someone still setting up (the earlier link stops working). */
export async function newSetupLink(db: TenantDb, viewer: Viewer, userId: string, origin: string) {
  return db.run(context(viewer), async (tx) => {
    const row = await otherMember(tx, viewer, userId);
    const status = staffStatus(row);
    if (status !== 'invited' && status !== 'second_factor_pending') {
      throw new AppError('CONFLICT', 'This account is already set up; reset her second factor instead.');
    }
    await audit(tx, viewer, 'staff.setup_link', userId);
    return withLink(tx, viewer, origin, {
      userId,
      kind: status === 'invited' ? 'invitation' : 'second_factor',
    });
  });
}
