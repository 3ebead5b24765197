/**
 * A staff member's open tasks and marking one done. Tasks carry case codes and ids only; the
 * list never opens anything sealed with her key.
 */

import { TASK_KINDS, type TTask, type TTaskDone } from '@cope/contracts';
import { SECTIONS, type Section } from '@cope/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant } from '../../db/schema.js';
import { task } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { Viewer } from '../auth/sessions.js';
import { refreshNextDue } from './create.js';

/** Today as an ISO date; a task due before it is overdue. */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);

type TaskRow = typeof task.$inferSelect;

export function presentTask(row: TaskRow, caseCode: string | null, today: string): TTask {
  const payload = (row.payload ?? {}) as Record<string, unknown>;
  const section = SECTIONS.includes(payload.section as Section) ? (payload.section as Section) : null;
  return {
    id: row.id,
    kind: (TASK_KINDS as readonly string[]).includes(row.kind) ? (row.kind as TTask['kind']) : 'other',
    participantId: row.participantId,
    caseCode,
    section,
    dueOn: row.dueOn,
    overdue: row.dueOn < today,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function openTasksOf(tx: Tx, viewer: Viewer, now = new Date()): Promise<TTask[]> {
  const rows = await tx
    .select({ task, caseCode: participant.caseCode })
    .from(task)
    .leftJoin(participant, eq(participant.id, task.participantId))
    .where(and(eq(task.assigneeUserId, viewer.userId), isNull(task.doneAt)))
    .orderBy(asc(task.dueOn), asc(task.createdAt))
    .limit(200);
  const today = todayIso(now);
  return rows.map((r) => presentTask(r.task, r.caseCode, today));
}

/** Only the person it is assigned to, or a coordinator, closes a task. */
export async function markDone(tx: Tx, viewer: Viewer, taskId: string): Promise<TTaskDone> {
  const [row] = await tx.select().from(task).where(eq(task.id, taskId)).for('update');
  if (!row) throw notFound('This task');
  const mayClose = row.assigneeUserId === viewer.userId || viewer.roles.includes('coordinator');
  if (!mayClose) throw forbidden();
  if (row.doneAt) throw new AppError('CONFLICT', 'This task was already marked done.');
  const doneAt = new Date();
  await tx.update(task).set({ doneAt, doneByUserId: viewer.userId }).where(eq(task.id, taskId));
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
