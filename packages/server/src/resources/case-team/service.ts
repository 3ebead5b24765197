/**
 * The case team: reading it, adding and removing colleagues, and handing her case over to a new
 * reference professional with a written note (sealed with her data key). Every change is audited
 * in the same transaction; a handover also tells the new reference professional.
 *
 * Who reads the handover notes: the people who carry on the work with her — her reference
 * professional, the members of her team, and coordinators. Others see that a handover happened
 * and between whom, not what was written.
 */
import { randomUUID } from 'node:crypto';
import type { TCaseTeam, THandover, TTeamMember } from '@cope/contracts';
import type { StaffRole } from '@cope/domain';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { caseTeamMember, notification, participant, staffUser } from '../../db/schema.js';
import { referenceHandover, task } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import { type CaseFacts, caseRelation } from '../../policy/case-access.js';
import { CASE_ROLES, can } from '../../policy/index.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { encodeTeamChange } from './team-events.js';

const handoverNoteRef = (id: string) => ({ table: 'reference_handover', column: 'note', recordId: id });

/** Any case-working role may join a team. */
export const mayJoinTeam = (roles: readonly StaffRole[]) => roles.some((role) => CASE_ROLES.includes(role));

/**
 * A reference professional holds her legal identity and steers the case: the same roles that
 * may open a case (policy action participant.create), never peer or outreach work alone.
 */
export function mayHoldReference(roles: StaffRole[]): boolean {
  // The policy decides from roles and session state only; this asks it about a colleague.
  return can({ roles, state: 'active' } as Viewer, 'participant.create');
}

export function mayReadHandoverNotes(viewer: Viewer, facts: CaseFacts): boolean {
  const place = caseRelation(viewer, facts);
  return place.isReference || place.isTeamMember || viewer.roles.includes('coordinator');
}

type StaffRow = { id: string; displayName: string; roles: StaffRole[] };

export async function staffByIds(tx: Tx, ids: string[]): Promise<Map<string, StaffRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: staffUser.id, displayName: staffUser.displayName, roles: staffUser.roles })
    .from(staffUser)
    .where(inArray(staffUser.id, unique));
  return new Map(rows.map((r) => [r.id, { ...r, roles: r.roles as StaffRole[] }]));
}

export async function readTeam(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  facts: CaseFacts,
  manage: boolean,
): Promise<TCaseTeam | null> {
  const participantId = facts.participantId;
  const [row] = await tx
    .select({
      referenceUserId: participant.referenceUserId,
      referenceChanges: participant.referenceChanges,
      openedAt: participant.openedAt,
    })
    .from(participant)
    .where(eq(participant.id, participantId));
  if (!row) return null;
  const memberRows = await tx
    .select({ userId: caseTeamMember.userId, addedAt: caseTeamMember.addedAt })
    .from(caseTeamMember)
    .where(eq(caseTeamMember.participantId, participantId))
    .orderBy(asc(caseTeamMember.addedAt));
  const handoverRows = await tx
    .select()
    .from(referenceHandover)
    .where(eq(referenceHandover.participantId, participantId))
    .orderBy(desc(referenceHandover.createdAt));
  const staff = await staffByIds(tx, [
    ...memberRows.map((m) => m.userId),
    ...(row.referenceUserId ? [row.referenceUserId] : []),
    ...handoverRows.flatMap((h) => [h.toUserId, h.byUserId, ...(h.fromUserId ? [h.fromUserId] : [])]),
  ]);
  const ref = (id: string) => ({ id, displayName: staff.get(id)?.displayName ?? '—' });
  const member = (userId: string, since: Date): TTeamMember => ({
    id: userId,
    displayName: staff.get(userId)?.displayName ?? '—',
    roles: staff.get(userId)?.roles ?? [],
    since: since.toISOString(),
    isReference: userId === row.referenceUserId,
  });

  const showNotes = mayReadHandoverNotes(viewer, facts);
  const dataKey =
    showNotes && handoverRows.length > 0
      ? await keyring.participantKey(tx, viewer.organizationId, participantId)
      : null;
  const handovers: THandover[] = handoverRows.map((h) => ({
    id: h.id,
    at: h.createdAt.toISOString(),
    from: h.fromUserId ? ref(h.fromUserId) : null,
    to: ref(h.toUserId),
    by: ref(h.byUserId),
    // After erasure her key is gone and the note reads as removed, never as an error.
    note: showNotes && dataKey ? keyring.openWithKey(dataKey, handoverNoteRef(h.id), h.noteEnc) : null,
    noteHidden: !showNotes,
  }));

  let reference: TTeamMember | null = null;
  if (row.referenceUserId) {
    const lastHandover = handoverRows.find((h) => h.toUserId === row.referenceUserId);
    const membership = memberRows.find((m) => m.userId === row.referenceUserId);
    reference = member(row.referenceUserId, lastHandover?.createdAt ?? membership?.addedAt ?? row.openedAt);
  }
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.read',
    resourceType: 'participant',
    resourceId: participantId,
  });
  return {
    reference,
    members: memberRows.map((m) => member(m.userId, m.addedAt)),
    referenceChanges: row.referenceChanges,
    handovers,
    abilities: { manage },
  };
}

/** An active colleague of the viewer's organization (row-level security hides the others). */
async function activeColleague(tx: Tx, userId: string): Promise<StaffRow | null> {
  const [row] = await tx
    .select({ id: staffUser.id, displayName: staffUser.displayName, roles: staffUser.roles })
    .from(staffUser)
    .where(and(eq(staffUser.id, userId), isNull(staffUser.disabledAt), isNotNull(staffUser.passwordHash)));
  return row ? { ...row, roles: row.roles as StaffRole[] } : null;
}

const notAColleague = () =>
  new AppError('VALIDATION_FAILED', 'Choose an active colleague of your organization who works on cases.', [
    { field: 'userId', message: 'Choose an active colleague of your organization who works on cases.' },
  ]);

async function isMember(tx: Tx, participantId: string, userId: string) {
  const [row] = await tx
    .select({ userId: caseTeamMember.userId })
    .from(caseTeamMember)
    .where(and(eq(caseTeamMember.participantId, participantId), eq(caseTeamMember.userId, userId)));
  return Boolean(row);
}

async function audit(
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  action: 'case.team_changed' | 'case.handover',
  reason: string,
) {
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action,
    resourceType: 'participant',
    resourceId: participantId,
    reason,
  });
}

export async function addMember(tx: Tx, viewer: Viewer, participantId: string, userId: string) {
  const colleague = await activeColleague(tx, userId);
  if (!colleague || !mayJoinTeam(colleague.roles)) throw notAColleague();
  if (await isMember(tx, participantId, userId)) {
    throw new AppError('CONFLICT', `${colleague.displayName} is already on her team.`);
  }
  await tx.insert(caseTeamMember).values({ organizationId: viewer.organizationId, participantId, userId });
  await audit(tx, viewer, participantId, 'case.team_changed', encodeTeamChange('added', userId));
}

export async function removeMember(tx: Tx, viewer: Viewer, facts: CaseFacts, userId: string) {
  if (facts.referenceUserId === userId) {
    throw new AppError(
      'CONFLICT',
      'The reference professional cannot be removed. Hand the case over to someone else first.',
    );
  }
  const removed = await tx
    .delete(caseTeamMember)
    .where(and(eq(caseTeamMember.participantId, facts.participantId), eq(caseTeamMember.userId, userId)))
    .returning({ userId: caseTeamMember.userId });
  if (removed.length === 0) return false;
  await audit(tx, viewer, facts.participantId, 'case.team_changed', encodeTeamChange('removed', userId));
  return true;
}

/**
 * A new reference professional, with a note for her. The previous reference stays on the team
 * unless someone removes her; the count of changes grows only when there was someone to change.
 */
export async function handOver(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  toUserId: string,
  note: string,
) {
  const [current] = await tx
    .select({ referenceUserId: participant.referenceUserId, caseCode: participant.caseCode })
    .from(participant)
    .where(eq(participant.id, participantId))
    .limit(1)
    // Two handovers at once: the second waits and then sees the first.
    .for('update');
  if (!current) return null;
  const colleague = await activeColleague(tx, toUserId);
  if (!colleague || !mayHoldReference(colleague.roles)) {
    const message = 'Choose an active colleague whose role lets her be a reference professional.';
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'toUserId', message }]);
  }
  if (current.referenceUserId === toUserId) {
    throw new AppError('CONFLICT', `${colleague.displayName} is already her reference professional.`);
  }
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw new AppError('CONFLICT', 'This record was erased; nothing can be added to it.');
  const id = randomUUID();
  await tx.insert(referenceHandover).values({
    id,
    organizationId: viewer.organizationId,
    participantId,
    fromUserId: current.referenceUserId,
    toUserId,
    noteEnc: keyring.sealWithKey(dataKey, handoverNoteRef(id), note),
    byUserId: viewer.userId,
  });
  await tx
    .update(participant)
    .set({
      referenceUserId: toUserId,
      ...(current.referenceUserId ? { referenceChanges: sql`${participant.referenceChanges} + 1` } : {}),
      updatedAt: new Date(),
    })
    .where(eq(participant.id, participantId));
  if (!(await isMember(tx, participantId, toUserId))) {
    await tx
      .insert(caseTeamMember)
      .values({ organizationId: viewer.organizationId, participantId, userId: toUserId });
  }
  // Her open work follows her: what the previous reference owed on this case now falls to the new one.
  if (current.referenceUserId) {
    await tx
      .update(task)
      .set({ assigneeUserId: toUserId })
      .where(
        and(
          eq(task.participantId, participantId),
          eq(task.assigneeUserId, current.referenceUserId),
          isNull(task.doneAt),
        ),
      );
  }
  await audit(tx, viewer, participantId, 'case.handover', encodeTeamChange('handover', toUserId));
  if (toUserId !== viewer.userId) {
    await tx.insert(notification).values({
      id: randomUUID(),
      organizationId: viewer.organizationId,
      recipientUserId: toUserId,
      kind: 'handover',
      payload: { caseCode: current.caseCode, participantId, byUserId: viewer.userId },
    });
  }
  return { id };
}

/** Colleagues who work on cases, for choosing team members and reference professionals. */
export async function staffDirectory(tx: Tx) {
  const rows = await tx
    .select({ id: staffUser.id, displayName: staffUser.displayName, roles: staffUser.roles })
    .from(staffUser)
    .where(and(isNull(staffUser.disabledAt), isNotNull(staffUser.passwordHash)))
    .orderBy(asc(staffUser.displayName));
  return rows
    .map((r) => ({ ...r, roles: r.roles as StaffRole[] }))
    .filter((r) => mayJoinTeam(r.roles))
    .map((r) => ({ ...r, canBeReference: mayHoldReference(r.roles) }));
}
