/**
 * What marking a task done by hand means for the work behind it. Assessment tasks and lowering
 * decisions close by themselves when the work is recorded, so they cannot be ticked off without
 * it. A plan measure or an incident follow-up marked done here is done in her case as well.
 */
import { SELF_CLOSING_TASK_KINDS, type TaskKind } from '@cope/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import type { task } from '../../db/schema-case.js';
import { incident, riskMeasure } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import type { Viewer } from '../auth/sessions.js';

type TaskRow = typeof task.$inferSelect;

const SELF_CLOSING_MESSAGE: Partial<Record<TaskKind, string>> = {
  risk_assessment: 'This task closes by itself when a risk assessment is saved on her Safety tab.',
  risk_reassessment: 'This task closes by itself when a new risk assessment is saved on her Safety tab.',
  confirm_risk_lowering:
    'This task closes by itself when a coordinator confirms or keeps the level on her Safety tab.',
  itinerary_review:
    'This task closes by itself when a review of her progress is completed on her Itinerary tab.',
};

export function refuseSelfClosing(row: TaskRow): void {
  if (!(SELF_CLOSING_TASK_KINDS as readonly string[]).includes(row.kind)) return;
  throw new AppError('CONFLICT', SELF_CLOSING_MESSAGE[row.kind as TaskKind] ?? 'This task closes by itself.');
}

const idIn = (row: TaskRow, key: string): string | null => {
  const value = (row.payload as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : null;
};

/** Records in her case what a task marked done by hand stands for. */
export async function closeLinkedWork(tx: Tx, viewer: Viewer, row: TaskRow, doneAt: Date): Promise<void> {
  if (!row.participantId) return;
  const audit = (action: 'risk.measure_saved' | 'incident.followed_up') =>
    recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action,
      resourceType: 'participant',
      resourceId: row.participantId,
      section: 'safety',
    });
  const measureId = row.kind === 'risk_measure' ? idIn(row, 'measureId') : null;
  if (measureId) {
    const changed = await tx
      .update(riskMeasure)
      .set({ status: 'done', updatedAt: doneAt })
      .where(and(eq(riskMeasure.id, measureId), inArray(riskMeasure.status, ['planned', 'in_progress'])))
      .returning({ id: riskMeasure.id });
    if (changed.length > 0) await audit('risk.measure_saved');
  }
  const incidentId = row.kind === 'incident_follow_up' ? idIn(row, 'incidentId') : null;
  if (incidentId) {
    const changed = await tx
      .update(incident)
      .set({ followUpDoneAt: doneAt, followUpByUserId: viewer.userId })
      .where(and(eq(incident.id, incidentId), isNull(incident.followUpDoneAt)))
      .returning({ id: incident.id });
    if (changed.length > 0) await audit('incident.followed_up');
  }
}
