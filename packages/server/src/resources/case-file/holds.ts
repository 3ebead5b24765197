/**
 * Retention holds: something that keeps her file from being erased (open legal proceedings, a
 * safeguarding inquiry). Placing one is the case's business; clearing one is an administrator's,
 * with a written reason. A hold is never deleted: clearing is a date, so the history stays.
 */
import { randomUUID } from 'node:crypto';
import type { TRetentionHold, TRetentionHoldRequest } from '@cope/contracts';
import type { RetentionHoldReason } from '@cope/domain';
import { aliasedTable, and, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant, participantKey, staffUser } from '../../db/schema.js';
import { retentionHold } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Viewer } from '../auth/sessions.js';

/** How each reason reads in a refusal message (the web shows its own translation). */
export const HOLD_REASON_TEXT: Record<RetentionHoldReason, string> = {
  legal_proceedings: 'open legal proceedings',
  safeguarding_inquiry: 'a safeguarding inquiry',
  funder_audit: 'a funder’s audit',
  other: 'another reason',
};

const placedBy = aliasedTable(staffUser, 'placed_by');
const clearedBy = aliasedTable(staffUser, 'cleared_by');

function holdQuery(tx: Tx) {
  return tx
    .select({
      hold: retentionHold,
      caseCode: participant.caseCode,
      placedBy: placedBy.displayName,
      clearedBy: clearedBy.displayName,
    })
    .from(retentionHold)
    .innerJoin(participant, eq(participant.id, retentionHold.participantId))
    .innerJoin(placedBy, eq(placedBy.id, retentionHold.createdByUserId))
    .leftJoin(clearedBy, eq(clearedBy.id, retentionHold.clearedByUserId));
}

interface HoldRow {
  hold: typeof retentionHold.$inferSelect;
  caseCode: string;
  placedBy: string;
  clearedBy: string | null;
}

export function presentHold(row: HoldRow): TRetentionHold {
  const h = row.hold;
  return {
    id: h.id,
    participantId: h.participantId,
    caseCode: row.caseCode,
    reason: h.reason as RetentionHoldReason,
    note: h.note,
    createdAt: h.createdAt.toISOString(),
    createdBy: row.placedBy,
    active: h.clearedAt === null,
    clearedAt: h.clearedAt?.toISOString() ?? null,
    clearedBy: row.clearedBy,
    clearedReason: h.clearedReason,
  };
}

// Active holds first (cleared_at null sorts first in descending order), then newest first.
const ordering = [sql`${retentionHold.clearedAt} desc nulls first`, desc(retentionHold.createdAt)];

export async function holdsOf(tx: Tx, participantId: string): Promise<TRetentionHold[]> {
  const rows = await holdQuery(tx)
    .where(eq(retentionHold.participantId, participantId))
    .orderBy(...ordering);
  return rows.map(presentHold);
}

/** Every active hold of the organization, for the administrators who decide on them. */
export async function activeHoldsOfOrganization(tx: Tx): Promise<TRetentionHold[]> {
  const rows = await holdQuery(tx)
    .where(isNull(retentionHold.clearedAt))
    .orderBy(...ordering)
    .limit(500);
  return rows.map(presentHold);
}

/** What keeps her file from being erased right now (empty: nothing). */
export async function activeHolds(tx: Tx, participantId: string) {
  return tx
    .select({ id: retentionHold.id, reason: retentionHold.reason, since: retentionHold.createdAt })
    .from(retentionHold)
    .where(and(eq(retentionHold.participantId, participantId), isNull(retentionHold.clearedAt)))
    .orderBy(retentionHold.createdAt);
}

export async function placeHold(
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  request: TRetentionHoldRequest,
): Promise<TRetentionHold> {
  // Shares the lock erasure takes: a hold and an erasure of the same case never cross.
  const [key] = await tx
    .select({ destroyedAt: participantKey.destroyedAt })
    .from(participant)
    .leftJoin(participantKey, eq(participantKey.participantId, participant.id))
    .where(eq(participant.id, participantId))
    .for('share', { of: participant });
  if (!key) throw notFound('This participant');
  if (key.destroyedAt) throw new AppError('CONFLICT', 'Her identifying data was already erased.');
  const id = randomUUID();
  await tx.insert(retentionHold).values({
    id,
    organizationId: viewer.organizationId,
    participantId,
    reason: request.reason,
    note: request.note || null,
    createdByUserId: viewer.userId,
  });
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'retention.hold',
    resourceType: 'participant',
    resourceId: participantId,
    reason: request.reason,
  });
  const [row] = await holdQuery(tx).where(eq(retentionHold.id, id));
  if (!row) throw notFound('This hold');
  return presentHold(row);
}

export async function clearHold(
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  holdId: string,
  reason: string,
): Promise<TRetentionHold> {
  const [current] = await tx
    .select({ clearedAt: retentionHold.clearedAt })
    .from(retentionHold)
    .where(and(eq(retentionHold.id, holdId), eq(retentionHold.participantId, participantId)))
    .for('update');
  if (!current) throw notFound('This hold');
  if (current.clearedAt) throw new AppError('CONFLICT', 'This hold was already cleared.');
  await tx
    .update(retentionHold)
    .set({ clearedAt: new Date(), clearedByUserId: viewer.userId, clearedReason: reason })
    .where(eq(retentionHold.id, holdId));
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'retention.clear',
    resourceType: 'participant',
    resourceId: participantId,
    reason,
  });
  const [row] = await holdQuery(tx).where(eq(retentionHold.id, holdId));
  if (!row) throw notFound('This hold');
  return presentHold(row);
}

/** Erasure asks this first: an active hold refuses it, naming what must be cleared. */
export async function refuseErasureWhileHeld(tx: Tx, participantId: string): Promise<void> {
  const holds = await activeHolds(tx, participantId);
  const first = holds[0];
  if (!first) return;
  const what = HOLD_REASON_TEXT[first.reason as RetentionHoldReason] ?? 'a retention hold';
  const more = holds.length > 1 ? ` (and ${holds.length - 1} more)` : '';
  throw new AppError(
    'RETENTION_HOLD_ACTIVE',
    `Her file is under a retention hold for ${what}${more} — an administrator must clear it first.`,
    { holds: holds.map((h) => ({ id: h.id, reason: h.reason, since: h.since.toISOString() })) },
  );
}
