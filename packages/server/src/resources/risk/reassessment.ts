/**
 * The safety subscriber to case events: whatever invalidated her last assessment is traced,
 * the assessment is marked stale, the level shown is raised at once when the event says so
 * (never lowered), and a reassessment falls due today for her reference professional. One open
 * reassessment task per case: a later event brings it forward instead of adding another.
 */
import { randomUUID } from 'node:crypto';
import { factorsRaisedBy, provisionalLevel } from '@cope/domain';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant } from '../../db/schema.js';
import { task } from '../../db/schema-case.js';
import { riskAssessment, riskTrigger } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import type { CaseEvent, EventContext } from '../../events/case-events.js';
import { createTask, refreshNextDue } from '../tasks/create.js';
import { answersOf, openAssessment, setCaseLevel } from './content.js';

/** Open tasks that already ask for an assessment of her. */
const ASSESSMENT_TASKS = ['risk_assessment', 'risk_reassessment'];

export async function markAssessmentStale(context: EventContext, event: CaseEvent): Promise<void> {
  const { tx, viewer } = context;
  const now = context.now ?? new Date();
  const [row] = await tx
    .select({
      riskLevel: participant.riskLevel,
      riskAssessedOn: participant.riskAssessedOn,
      referenceUserId: participant.referenceUserId,
    })
    .from(participant)
    .where(eq(participant.id, event.participantId))
    .for('update');
  if (!row) return;

  await tx.insert(riskTrigger).values({
    id: randomUUID(),
    organizationId: viewer.organizationId,
    participantId: event.participantId,
    kind: event.kind,
    detail: event.detail ?? {},
    actorUserId: viewer.userId,
    occurredAt: now,
  });

  const raised = factorsRaisedBy(event.kind);
  if (raised.length > 0) {
    const answers = await latestAnswers(context, event.participantId);
    const level = provisionalLevel({ level: row.riskLevel, answers }, raised);
    if (level && level !== row.riskLevel) await setCaseLevel(tx, event.participantId, level);
  }
  if (row.riskAssessedOn) {
    await tx
      .update(participant)
      .set({
        riskStaleSince: sql`coalesce(${participant.riskStaleSince}, ${now.toISOString()}::timestamptz)`,
      })
      .where(eq(participant.id, event.participantId));
  }
  await ensureReassessmentDue(tx, {
    organizationId: viewer.organizationId,
    participantId: event.participantId,
    assigneeUserId: row.referenceUserId ?? viewer.userId,
    dueOn: now.toISOString().slice(0, 10),
    trigger: event.kind,
  });
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'risk.triggered',
    resourceType: 'participant',
    resourceId: event.participantId,
    section: 'safety',
    reason: event.kind,
  });
}

/** The answers of her latest assessment, or null when she was never assessed (or was erased). */
async function latestAnswers(context: EventContext, participantId: string) {
  const { tx, keyring, viewer } = context;
  const [latest] = await tx
    .select({ id: riskAssessment.id, contentEnc: riskAssessment.contentEnc })
    .from(riskAssessment)
    .where(eq(riskAssessment.participantId, participantId))
    .orderBy(desc(riskAssessment.assessedOn), desc(riskAssessment.createdAt))
    .limit(1);
  if (!latest) return null;
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) return null;
  return answersOf(openAssessment(keyring, dataKey, latest.id, latest.contentEnc));
}

/**
 * Makes sure an assessment of her is due by `dueOn`: an open assessment task is brought forward
 * (never pushed back), otherwise a reassessment task is created.
 */
export async function ensureReassessmentDue(
  tx: Tx,
  input: {
    organizationId: string;
    participantId: string;
    assigneeUserId: string;
    dueOn: string;
    trigger: string;
  },
): Promise<void> {
  const [open] = await tx
    .select({ id: task.id, dueOn: task.dueOn })
    .from(task)
    .where(
      and(
        eq(task.participantId, input.participantId),
        inArray(task.kind, ASSESSMENT_TASKS),
        isNull(task.doneAt),
      ),
    )
    .orderBy(task.dueOn)
    .limit(1);
  if (open) {
    if (open.dueOn > input.dueOn) {
      await tx.update(task).set({ dueOn: input.dueOn }).where(eq(task.id, open.id));
      await refreshNextDue(tx, input.participantId);
    }
    return;
  }
  await createTask(tx, {
    organizationId: input.organizationId,
    participantId: input.participantId,
    assigneeUserId: input.assigneeUserId,
    kind: 'risk_reassessment',
    dueOn: input.dueOn,
    payload: { section: 'safety', trigger: input.trigger },
  });
}
