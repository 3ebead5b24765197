/**
 * A coordinator's decision on a lowering someone else asked for. Confirmed, the assessment takes
 * the lower level; when it is her latest assessment and nothing has made it out of date since,
 * her case takes it too and the next periodic reassessment moves with it. Kept, the computed
 * level stays. Either way the reason is sealed and every coordinator's task about it closes.
 */
import type { TLoweringDecision, TRiskAssessmentSummary } from '@cope/contracts';
import { reassessmentDueOn } from '@cope/domain';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant } from '../../db/schema.js';
import { riskAssessment } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { erasedError } from '../intake/case-context.js';
import { refreshNextDue } from '../tasks/create.js';
import { decisionReasonRef, safetySettingsFor } from './assessments.js';
import { setCaseLevel } from './content.js';
import { peopleOf, presentSummary } from './presenters.js';
import { closeLoweringTasks, movePeriodic } from './schedule.js';

export async function decideLowering(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  assessmentId: string,
  decision: TLoweringDecision,
  now = new Date(),
): Promise<TRiskAssessmentSummary> {
  const [row] = await tx
    .select()
    .from(riskAssessment)
    .where(and(eq(riskAssessment.id, assessmentId), eq(riskAssessment.participantId, participantId)))
    .for('update');
  if (!row) throw notFound('This assessment');
  if (row.override !== 'lowering_pending' || !row.requestedLevel) {
    throw new AppError('CONFLICT', 'No lowering of this assessment is waiting for a decision.');
  }
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();
  const level = decision.confirm ? row.requestedLevel : row.level;
  const [saved] = await tx
    .update(riskAssessment)
    .set({
      level,
      override: decision.confirm ? 'lowered' : 'lowering_declined',
      decidedByUserId: viewer.userId,
      decidedAt: now,
      decisionReasonEnc: keyring.sealWithKey(dataKey, decisionReasonRef(assessmentId), decision.reason),
    })
    .where(eq(riskAssessment.id, assessmentId))
    .returning();
  if (!saved) throw notFound('This assessment');

  if (decision.confirm && (await isLatest(tx, participantId, assessmentId))) {
    const [current] = await tx
      .select({ staleSince: participant.riskStaleSince })
      .from(participant)
      .where(eq(participant.id, participantId))
      .for('update');
    // Once an event made the assessment out of date, the level shown stays until the reassessment.
    if (current && current.staleSince === null) {
      const settings = await safetySettingsFor(tx, viewer.organizationId);
      const dueOn = reassessmentDueOn(row.assessedOn, level, settings.reassessmentDays);
      await setCaseLevel(tx, participantId, level);
      await tx.update(participant).set({ riskReassessDueOn: dueOn }).where(eq(participant.id, participantId));
      await movePeriodic(tx, participantId, assessmentId, dueOn);
    }
  }
  await closeLoweringTasks(tx, participantId, assessmentId, viewer.userId, now);
  await refreshNextDue(tx, participantId);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'risk.lowering_decided',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'safety',
    reason: decision.confirm ? 'confirmed' : 'declined',
  });
  return presentSummary(saved, await peopleOf(tx, [saved.assessedByUserId, saved.decidedByUserId]));
}

async function isLatest(tx: Tx, participantId: string, assessmentId: string): Promise<boolean> {
  const [latest] = await tx
    .select({ id: riskAssessment.id })
    .from(riskAssessment)
    .where(eq(riskAssessment.participantId, participantId))
    .orderBy(desc(riskAssessment.assessedOn), desc(riskAssessment.createdAt))
    .limit(1);
  return latest?.id === assessmentId;
}
