/**
 * The coordinator's view of what is overdue across the organization: every open task due before
 * today, whoever holds it, the longest overdue first. Case codes and kinds only; nothing of hers
 * is opened. Looking is itself recorded.
 */
import type { TOverdueTaskList } from '@cope/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant, staffUser } from '../../db/schema.js';
import { task } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import type { Viewer } from '../auth/sessions.js';
import { kindOf, latestTriggerOf, payloadOf, todayIso } from './service.js';

/** Enough for any organization's backlog on one screen; more says the list is cut. */
export const OVERVIEW_LIMIT = 500;

const DAY_MS = 86_400_000;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export async function overdueAcrossOrganization(
  tx: Tx,
  viewer: Viewer,
  now = new Date(),
): Promise<TOverdueTaskList> {
  const today = todayIso(now);
  const rows = await tx
    .select({
      task,
      caseCode: participant.caseCode,
      assigneeName: staffUser.displayName,
      latestTrigger: latestTriggerOf,
    })
    .from(task)
    .innerJoin(staffUser, eq(staffUser.id, task.assigneeUserId))
    .leftJoin(participant, eq(participant.id, task.participantId))
    .where(
      and(
        eq(task.organizationId, viewer.organizationId),
        isNull(task.doneAt),
        sql`${task.dueOn} < ${today}::date`,
      ),
    )
    .orderBy(asc(task.dueOn), asc(task.createdAt))
    .limit(OVERVIEW_LIMIT + 1);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'task.org_overview',
    resourceType: 'task',
  });
  return {
    items: rows.slice(0, OVERVIEW_LIMIT).map(({ task: row, caseCode, assigneeName, latestTrigger }) => {
      const { section, trigger } = payloadOf(row, latestTrigger);
      return {
        id: row.id,
        kind: kindOf(row.kind),
        trigger,
        participantId: row.participantId,
        caseCode,
        section,
        dueOn: row.dueOn,
        daysOverdue: daysBetween(row.dueOn, today),
        assignee: { id: row.assigneeUserId, displayName: assigneeName },
      };
    }),
    truncated: rows.length > OVERVIEW_LIMIT,
  };
}
