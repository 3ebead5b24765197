/** Reads for the staff table: the people of the organization and facts about each, in bulk. */
import { and, asc, count, eq, gt, inArray, isNull, max } from 'drizzle-orm';
import { authSession, staffInvitation, staffUser, webauthnCredential } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import type { StaffFacts } from './presenter.js';

export async function loadStaff(tx: Tx, userIds?: string[], now = new Date()) {
  const rows = await tx
    .select()
    .from(staffUser)
    .where(userIds ? inArray(staffUser.id, userIds) : undefined)
    .orderBy(asc(staffUser.displayName));
  const ids = rows.map((row) => row.id);
  const facts = new Map<string, StaffFacts>(
    ids.map((id) => [id, { passkeys: 0, lastActiveAt: null, pendingLink: null }]),
  );
  if (ids.length === 0) return { rows, facts };
  const passkeys = await tx
    .select({ userId: webauthnCredential.userId, n: count() })
    .from(webauthnCredential)
    .where(inArray(webauthnCredential.userId, ids))
    .groupBy(webauthnCredential.userId);
  for (const p of passkeys) {
    const f = facts.get(p.userId);
    if (f) f.passkeys = Number(p.n);
  }
  const seen = await tx
    .select({ userId: authSession.userId, at: max(authSession.lastSeenAt) })
    .from(authSession)
    .where(inArray(authSession.userId, ids))
    .groupBy(authSession.userId);
  for (const s of seen) {
    const f = facts.get(s.userId);
    if (f && s.at) f.lastActiveAt = new Date(s.at);
  }
  const links = await tx
    .select()
    .from(staffInvitation)
    .where(
      and(
        inArray(staffInvitation.userId, ids),
        isNull(staffInvitation.closedAt),
        gt(staffInvitation.expiresAt, now),
      ),
    );
  for (const link of links) {
    const f = facts.get(link.userId);
    if (f) f.pendingLink = { kind: link.kind, expiresAt: link.expiresAt };
  }
  return { rows, facts };
}

export async function loadStaffMember(tx: Tx, userId: string) {
  const { rows, facts } = await loadStaff(tx, [userId]);
  const [row] = rows;
  if (!row) return null;
  return { row, facts: facts.get(row.id) ?? { passkeys: 0, lastActiveAt: null, pendingLink: null } };
}

export const findStaffUser = async (tx: Tx, userId: string) => {
  const [row] = await tx.select().from(staffUser).where(eq(staffUser.id, userId)).limit(1);
  return row ?? null;
};
