/**
 * A staff member's open tasks by urgency, the counts the navigation shows, and marking one done.
 * Tasks carry case codes and ids only; nothing sealed with her key is opened here.
 */

import { TASK_KINDS, type TTask, type TTaskCounts, type TTaskDone } from '@cope/contracts';
import { REASSESSMENT_TRIGGERS, type ReassessmentTrigger, SECTIONS, type Section } from '@cope/domain';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant } from '../../db/schema.js';
import { task } from '../../db/schema-case.js';
import { riskTrigger } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { Viewer } from '../auth/sessions.js';
import { closeLinkedWork, refuseSelfClosing } from './closing.js';
import { isoDateIn, refreshNextDue } from './create.js';

/** Today as an ISO date; a task due before it is overdue. */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);

/** "Due soon" in the navigation: today and the next seven days. */
export const DUE_SOON_DAYS = 7;

type TaskRow = typeof task.$inferSelect;

const asTrigger = (value: unknown): ReassessmentTrigger | null =>
  REASSESSMENT_TRIGGERS.includes(value as ReassessmentTrigger) ? (value as ReassessmentTrigger) : null;

/**
 * What the task is about, read defensively (payloads are written by many modules). For an
 * assessment task, why it is due now: the latest event on her case since the task was made
 * (`latestTrigger`, below), or else the event that made it.
 */
export function payloadOf(
  row: Pick<TaskRow, 'payload'>,
  latestTrigger: string | null = null,
): { section: Section | null; trigger: ReassessmentTrigger | null } {
  const payload = (row.payload ?? {}) as Record<string, unknown>;
  const section = SECTIONS.includes(payload.section as Section) ? (payload.section as Section) : null;
  return { section, trigger: asTrigger(latestTrigger) ?? asTrigger(payload.trigger) };
}

/**
 * The latest event on her case not yet answered by an assessment and recorded since an
 * assessment task was made (it made the task, or brought it forward). Codes in clear only; null
 * for every other kind of task.
 */
export const latestTriggerOf = sql<string | null>`case
  when ${task.kind} in ('risk_assessment', 'risk_reassessment')
  then (select ${riskTrigger.kind} from ${riskTrigger}
    where ${riskTrigger.organizationId} = ${task.organizationId}
      and ${riskTrigger.participantId} = ${task.participantId}
      and ${riskTrigger.resolvedByAssessmentId} is null
      and ${riskTrigger.occurredAt} >= ${task.createdAt}
    order by ${riskTrigger.occurredAt} desc limit 1)
  end`;

export const kindOf = (kind: string): TTask['kind'] =>
  (TASK_KINDS as readonly string[]).includes(kind) ? (kind as TTask['kind']) : 'other';

export function presentTask(
  row: TaskRow,
  caseCode: string | null,
  today: string,
  latestTrigger: string | null = null,
): TTask {
  const { section, trigger } = payloadOf(row, latestTrigger);
  return {
    id: row.id,
    kind: kindOf(row.kind),
    participantId: row.participantId,
    caseCode,
    section,
    dueOn: row.dueOn,
    overdue: row.dueOn < today,
    dueToday: row.dueOn === today,
    trigger,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * On the same day, work about her safety comes before the rest: an assessment or a follow-up
 * after an incident, then plan measures and decisions on a lower level, then everything else.
 */
const safetyFirst = sql`case
  when ${task.kind} in ('risk_reassessment', 'risk_assessment', 'incident_follow_up') then 0
  when ${task.kind} in ('risk_measure', 'confirm_risk_lowering') then 1
  else 2 end`;

/**
 * My open tasks by urgency: overdue first (the longest overdue at the top), then due today,
 * then coming up by date. Ascending due dates give exactly that order.
 */
export async function openTasksOf(tx: Tx, viewer: Viewer, now = new Date()): Promise<TTask[]> {
  const rows = await tx
    .select({ task, caseCode: participant.caseCode, latestTrigger: latestTriggerOf })
    .from(task)
    .leftJoin(participant, eq(participant.id, task.participantId))
    .where(
      and(
        eq(task.organizationId, viewer.organizationId),
        eq(task.assigneeUserId, viewer.userId),
        isNull(task.doneAt),
      ),
    )
    .orderBy(asc(task.dueOn), asc(safetyFirst), asc(task.createdAt))
    .limit(200);
  const today = todayIso(now);
  return rows.map((r) => presentTask(r.task, r.caseCode, today, r.latestTrigger));
}

/** How many of my open tasks are overdue and due soon: one pass over task_assignee_idx. */
export async function taskCountsOf(tx: Tx, viewer: Viewer, now = new Date()): Promise<TTaskCounts> {
  const today = todayIso(now);
  const soon = isoDateIn(DUE_SOON_DAYS, now);
  const [row] = await tx
    .select({
      overdue: sql<number>`count(*) filter (where ${task.dueOn} < ${today}::date)`.mapWith(Number),
      dueSoon: sql<number>`count(*) filter (where ${task.dueOn} >= ${today}::date)`.mapWith(Number),
    })
    .from(task)
    .where(
      and(
        eq(task.organizationId, viewer.organizationId),
        eq(task.assigneeUserId, viewer.userId),
        isNull(task.doneAt),
        sql`${task.dueOn} <= ${soon}::date`,
      ),
    );
  return { overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0 };
}

/** Only the person it is assigned to, or a coordinator, closes a task. */
export async function markDone(tx: Tx, viewer: Viewer, taskId: string): Promise<TTaskDone> {
  const [row] = await tx.select().from(task).where(eq(task.id, taskId)).for('update');
  if (!row) throw notFound('This task');
  const mayClose = row.assigneeUserId === viewer.userId || viewer.roles.includes('coordinator');
  if (!mayClose) throw forbidden();
  if (row.doneAt) throw new AppError('CONFLICT', 'This task was already marked done.');
  refuseSelfClosing(row);
  const doneAt = new Date();
  await tx.update(task).set({ doneAt, doneByUserId: viewer.userId }).where(eq(task.id, taskId));
  await closeLinkedWork(tx, viewer, row, doneAt);
  if (row.participantId) await refreshNextDue(tx, row.participantId);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'task.done',
    resourceType: 'task',
    resourceId: taskId,
  });
  return { id: taskId, doneAt: doneAt.toISOString() };
}
