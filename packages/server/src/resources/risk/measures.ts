/**
 * Her risk management plan: concrete measures (change the route to training, replace the phone,
 * go with her to court), each with an owner, a due date and where it stands. What the measure
 * says is sealed with her data key. Each open measure keeps one task on its owner's list.
 */
import { randomUUID } from 'node:crypto';
import type { TMeasure, TMeasureRequest, TMeasureUpdate } from '@cope/contracts';
import { earliestCalendarDate, type MeasureStatus } from '@cope/domain';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { caseTeamMember, participant, staffUser } from '../../db/schema.js';
import { riskAssessment, riskMeasure } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { erasedError, fieldError } from '../intake/case-context.js';
import { refreshNextDue } from '../tasks/create.js';
import { peopleOf, presentMeasure } from './presenters.js';
import { syncMeasureTask } from './schedule.js';

/** Where a measure's description is sealed (also read by her file's export and the demo). */
export const measureDescriptionRef = (measureId: string) => ({
  table: 'risk_measure',
  column: 'description',
  recordId: measureId,
});

const isOpen = (status: MeasureStatus) => status === 'planned' || status === 'in_progress';
const today = (now: Date) => now.toISOString().slice(0, 10);

/** Open measures first, soonest due first; then the closed ones, latest change first. */
function planOrder(a: TMeasure, b: TMeasure): number {
  const openA = isOpen(a.status);
  const openB = isOpen(b.status);
  if (openA !== openB) return openA ? -1 : 1;
  if (openA) return a.dueOn.localeCompare(b.dueOn) || a.createdAt.localeCompare(b.createdAt);
  return b.updatedAt.localeCompare(a.updatedAt);
}

export async function listMeasures(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  now = new Date(),
): Promise<TMeasure[]> {
  const rows = await tx.select().from(riskMeasure).where(eq(riskMeasure.participantId, participantId));
  const dataKey =
    rows.length > 0 ? await keyring.participantKey(tx, viewer.organizationId, participantId) : null;
  const people = await peopleOf(
    tx,
    rows.map((row) => row.ownerUserId),
  );
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'risk.read',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'safety',
  });
  return rows
    .map((row) =>
      presentMeasure(
        row,
        // After erasure her key is gone: the measure reads as removed, never as an error.
        dataKey ? keyring.openWithKey(dataKey, measureDescriptionRef(row.id), row.descriptionEnc) : '',
        people,
        today(now),
      ),
    )
    .sort(planOrder);
}

/**
 * Who may own a measure: an active colleague of the organization who works on her case (team or
 * reference professional) or coordinates. Anyone else is refused, naming the field.
 */
async function checkOwner(
  tx: Tx,
  participantId: string,
  ownerUserId: string,
  field = 'ownerUserId',
): Promise<void> {
  const [row] = await tx
    .select({
      roles: staffUser.roles,
      onTeam: caseTeamMember.userId,
      reference: participant.referenceUserId,
    })
    .from(staffUser)
    .leftJoin(
      caseTeamMember,
      and(eq(caseTeamMember.userId, staffUser.id), eq(caseTeamMember.participantId, participantId)),
    )
    .leftJoin(participant, eq(participant.id, participantId))
    .where(
      and(eq(staffUser.id, ownerUserId), isNull(staffUser.disabledAt), isNotNull(staffUser.passwordHash)),
    );
  const allowed =
    row && (row.onTeam !== null || row.reference === ownerUserId || row.roles.includes('coordinator'));
  if (!allowed) {
    throw fieldError(field, 'Choose someone on her case team, her reference professional or a coordinator.');
  }
}

async function latestAssessmentId(tx: Tx, participantId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: riskAssessment.id })
    .from(riskAssessment)
    .where(eq(riskAssessment.participantId, participantId))
    .orderBy(desc(riskAssessment.assessedOn), desc(riskAssessment.createdAt))
    .limit(1);
  return row?.id ?? null;
}

async function audited(tx: Tx, viewer: Viewer, participantId: string) {
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'risk.measure_saved',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'safety',
  });
}

/** Adds a measure to her plan; `assessmentId` ties it to the assessment it came with. */
export async function addMeasure(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  input: {
    participantId: string;
    dataKey: Buffer;
    measure: TMeasureRequest;
    assessmentId?: string | null;
    field?: string;
  },
  now = new Date(),
): Promise<TMeasure> {
  const { participantId, measure } = input;
  // A new measure is due today or later: the earliest "today" on Earth is the bound.
  const earliestToday = earliestCalendarDate(now);
  if (measure.dueOn && measure.dueOn < earliestToday) {
    throw fieldError(
      input.field ? `${input.field}.dueOn` : 'dueOn',
      'A new measure cannot be due in the past. Choose today or a later date.',
    );
  }
  // A measure sent with an assessment is named by its place in the list.
  await checkOwner(
    tx,
    participantId,
    measure.ownerUserId,
    input.field ? `${input.field}.ownerUserId` : undefined,
  );
  const id = randomUUID();
  const [row] = await tx
    .insert(riskMeasure)
    .values({
      id,
      organizationId: viewer.organizationId,
      participantId,
      assessmentId: input.assessmentId ?? (await latestAssessmentId(tx, participantId)),
      descriptionEnc: keyring.sealWithKey(input.dataKey, measureDescriptionRef(id), measure.description),
      ownerUserId: measure.ownerUserId,
      dueOn: measure.dueOn,
      status: measure.status ?? 'planned',
      createdByUserId: viewer.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('the measure was not saved');
  await syncMeasureTask(tx, row, viewer.userId, now);
  await refreshNextDue(tx, participantId);
  await audited(tx, viewer, participantId);
  return presentMeasure(row, measure.description, await peopleOf(tx, [row.ownerUserId]), today(now));
}

export async function createMeasure(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  measure: TMeasureRequest,
): Promise<TMeasure> {
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();
  return addMeasure(tx, keyring, viewer, { participantId, dataKey, measure });
}

/** Changes what was sent (status, owner, due date, wording); the owner's task follows. */
export async function updateMeasure(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  measureId: string,
  change: TMeasureUpdate,
  now = new Date(),
): Promise<TMeasure> {
  const [current] = await tx
    .select()
    .from(riskMeasure)
    .where(and(eq(riskMeasure.id, measureId), eq(riskMeasure.participantId, participantId)))
    .for('update');
  if (!current) throw notFound('This measure');
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();
  if (change.ownerUserId && change.ownerUserId !== current.ownerUserId) {
    await checkOwner(tx, participantId, change.ownerUserId);
  }
  const [row] = await tx
    .update(riskMeasure)
    .set({
      ...(change.description !== undefined && {
        descriptionEnc: keyring.sealWithKey(dataKey, measureDescriptionRef(measureId), change.description),
      }),
      ...(change.ownerUserId !== undefined && { ownerUserId: change.ownerUserId }),
      ...(change.dueOn !== undefined && { dueOn: change.dueOn }),
      ...(change.status !== undefined && { status: change.status }),
      updatedAt: now,
    })
    .where(eq(riskMeasure.id, measureId))
    .returning();
  if (!row) throw notFound('This measure');
  await syncMeasureTask(tx, row, viewer.userId, now);
  await refreshNextDue(tx, participantId);
  await audited(tx, viewer, participantId);
  const description =
    change.description ?? keyring.openWithKey(dataKey, measureDescriptionRef(measureId), row.descriptionEnc);
  return presentMeasure(row, description, await peopleOf(tx, [row.ownerUserId]), today(now));
}
