/**
 * The work an assessment leaves behind, on people's task lists: the next periodic reassessment
 * for her reference professional, a decision for the coordinators when someone asks to lower her
 * level, and one task per open measure of her plan for its owner. Payloads hold ids and codes only.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { staffUser } from '../../db/schema.js';
import { task } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { createTask } from '../tasks/create.js';

/**
 * Tasks a new assessment answers: every request for an assessment of her, and the decisions on
 * lowerings asked in earlier assessments (the new one replaces them).
 */
const ASSESSMENT_TASKS = ['risk_assessment', 'risk_reassessment', 'confirm_risk_lowering'];

const open = (participantId: string) => and(eq(task.participantId, participantId), isNull(task.doneAt));
const payloadIs = (key: string, value: string) => sql`${task.payload}->>${key} = ${value}`;

export async function closeAssessmentTasks(tx: Tx, participantId: string, userId: string, now: Date) {
  await tx
    .update(task)
    .set({ doneAt: now, doneByUserId: userId })
    .where(and(open(participantId), inArray(task.kind, ASSESSMENT_TASKS)));
}

/** The next periodic reassessment, tied to the assessment it follows. */
export async function schedulePeriodic(
  tx: Tx,
  input: {
    organizationId: string;
    participantId: string;
    assigneeUserId: string;
    dueOn: string;
    assessmentId: string;
  },
): Promise<void> {
  await createTask(tx, {
    organizationId: input.organizationId,
    participantId: input.participantId,
    assigneeUserId: input.assigneeUserId,
    kind: 'risk_reassessment',
    dueOn: input.dueOn,
    payload: { section: 'safety', assessmentId: input.assessmentId },
  });
}

/** Moves the open periodic reassessment that follows this assessment (a lowering was confirmed). */
export async function movePeriodic(tx: Tx, participantId: string, assessmentId: string, dueOn: string) {
  await tx
    .update(task)
    .set({ dueOn })
    .where(
      and(open(participantId), eq(task.kind, 'risk_reassessment'), payloadIs('assessmentId', assessmentId)),
    );
}

/** Active coordinators of the viewer's organization (row-level security keeps to it). */
async function coordinatorsOf(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: staffUser.id })
    .from(staffUser)
    .where(
      and(
        eq(staffUser.organizationId, organizationId),
        sql`${staffUser.roles} @> array['coordinator']::text[]`,
        isNull(staffUser.disabledAt),
        isNotNull(staffUser.passwordHash),
      ),
    );
  return rows.map((row) => row.id);
}

/** A lowering someone asked for: every coordinator gets a task to confirm it or keep the level. */
export async function askCoordinators(
  tx: Tx,
  input: { organizationId: string; participantId: string; assessmentId: string; dueOn: string },
): Promise<void> {
  for (const coordinator of await coordinatorsOf(tx, input.organizationId)) {
    await createTask(tx, {
      organizationId: input.organizationId,
      participantId: input.participantId,
      assigneeUserId: coordinator,
      kind: 'confirm_risk_lowering',
      dueOn: input.dueOn,
      payload: { assessmentId: input.assessmentId, section: 'safety' },
    });
  }
}

/** Once one coordinator decided, the others' tasks about the same lowering are closed too. */
export async function closeLoweringTasks(
  tx: Tx,
  participantId: string,
  assessmentId: string,
  userId: string,
  now: Date,
) {
  await tx
    .update(task)
    .set({ doneAt: now, doneByUserId: userId })
    .where(
      and(
        open(participantId),
        eq(task.kind, 'confirm_risk_lowering'),
        payloadIs('assessmentId', assessmentId),
      ),
    );
}

/**
 * Keeps exactly one open task for an open measure, assigned to its owner and due on its date;
 * a measure done or dropped leaves none.
 */
export async function syncMeasureTask(
  tx: Tx,
  measure: {
    id: string;
    organizationId: string;
    participantId: string;
    ownerUserId: string;
    dueOn: string;
    status: string;
  },
  userId: string,
  now: Date,
): Promise<void> {
  const isOpen = measure.status === 'planned' || measure.status === 'in_progress';
  const existing = await tx
    .select({ id: task.id })
    .from(task)
    .where(
      and(open(measure.participantId), eq(task.kind, 'risk_measure'), payloadIs('measureId', measure.id)),
    )
    .orderBy(task.createdAt);
  const [keep, ...extra] = existing;
  const close = (ids: string[]) =>
    ids.length > 0
      ? tx.update(task).set({ doneAt: now, doneByUserId: userId }).where(inArray(task.id, ids))
      : Promise.resolve();
  if (!isOpen) {
    await close(existing.map((row) => row.id));
    return;
  }
  await close(extra.map((row) => row.id));
  if (keep) {
    await tx
      .update(task)
      .set({ assigneeUserId: measure.ownerUserId, dueOn: measure.dueOn })
      .where(eq(task.id, keep.id));
    return;
  }
  await createTask(tx, {
    organizationId: measure.organizationId,
    participantId: measure.participantId,
    assigneeUserId: measure.ownerUserId,
    kind: 'risk_measure',
    dueOn: measure.dueOn,
    payload: { measureId: measure.id, section: 'safety' },
  });
}
