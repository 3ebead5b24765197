/**
 * Recording and reading her risk assessments (DOMAIN.md "Risk assessment"). The server scores
 * the answers with the rules in force and keeps their version; professional judgment stays
 * primary: anyone who may assess can raise the level with a written reason, a coordinator can
 * lower it, and anyone else's lowering waits for a coordinator while the computed level holds.
 * A new assessment answers what made the last one out of date, closes the assessment tasks and
 * schedules the next periodic reassessment by level.
 */
import { randomUUID } from 'node:crypto';
import type { TRiskAssessment, TRiskAssessmentSummary, ZRiskAssessmentRequest } from '@cope/contracts';
import {
  overrideKind,
  RISK_FACTORS,
  type RiskAnswers,
  type RiskLevel,
  reassessmentDueOn,
  type SafetySettings,
  safetySettingsOf,
  scoreRisk,
} from '@cope/domain';
import { and, desc, eq, isNull, max, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../audit/record.js';
import { organization, participant } from '../../db/schema.js';
import { riskAssessment, riskTrigger } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { erasedError, fieldError } from '../intake/case-context.js';
import { refreshNextDue } from '../tasks/create.js';
import type { SafetyCase } from './access.js';
import { type AssessmentContent, openAssessment, sealAssessment, setCaseLevel } from './content.js';
import { addMeasure } from './measures.js';
import { peopleOf, presentAssessment, presentSummary } from './presenters.js';
import { askCoordinators, closeAssessmentTasks, schedulePeriodic } from './schedule.js';

type AssessmentInput = z.output<typeof ZRiskAssessmentRequest>;
type Override = (typeof riskAssessment.$inferInsert)['override'];

export const decisionReasonRef = (assessmentId: string) => ({
  table: 'risk_assessment',
  column: 'decision_reason',
  recordId: assessmentId,
});

export async function safetySettingsFor(tx: Tx, organizationId: string): Promise<SafetySettings> {
  const [row] = await tx
    .select({ settings: organization.safetySettings })
    .from(organization)
    .where(eq(organization.id, organizationId));
  return safetySettingsOf(row?.settings as Partial<SafetySettings> | null);
}

/** What the professional's choice makes of the computed level. */
function judgment(
  computed: RiskLevel,
  chosen: RiskLevel,
  coordinator: boolean,
): { level: RiskLevel; override: Override; requestedLevel: RiskLevel | null; decided: boolean } {
  switch (overrideKind(computed, chosen)) {
    case 'none':
      return { level: computed, override: 'none', requestedLevel: null, decided: false };
    case 'raise':
      return { level: chosen, override: 'raised', requestedLevel: chosen, decided: false };
    case 'lower':
      return coordinator
        ? { level: chosen, override: 'lowered', requestedLevel: chosen, decided: true }
        : { level: computed, override: 'lowering_pending', requestedLevel: chosen, decided: false };
  }
}

export async function recordAssessment(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  safety: SafetyCase,
  input: AssessmentInput,
  now = new Date(),
): Promise<TRiskAssessmentSummary> {
  const { participantId } = safety;
  // One assessment of her at a time: the case row is held until this one is saved.
  const [current] = await tx
    .select({ referenceUserId: participant.referenceUserId })
    .from(participant)
    .where(eq(participant.id, participantId))
    .for('update');
  if (!current) throw notFound('This participant');
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();

  const [previous] = await tx
    .select({ latest: max(riskAssessment.assessedOn) })
    .from(riskAssessment)
    .where(eq(riskAssessment.participantId, participantId));
  if (previous?.latest && input.assessedOn < previous.latest) {
    throw fieldError(
      'assessedOn',
      `This assessment is dated before the previous one (${previous.latest}). Date it on or after that day.`,
    );
  }

  const bare = Object.fromEntries(
    RISK_FACTORS.map((factor) => [factor, input.answers[factor].answer]),
  ) as RiskAnswers;
  const score = scoreRisk(bare);
  const chosen = input.level ?? score.level;
  if (chosen !== score.level && !input.overrideReason) {
    throw fieldError(
      'overrideReason',
      `The rules give ${score.level}. Write why you place her at ${chosen}, or keep the computed level.`,
    );
  }
  const decision = judgment(score.level, chosen, safety.may('risk.confirm_lowering'));
  const id = randomUUID();
  const content: AssessmentContent = {
    answers: input.answers,
    points: score.points,
    reasons: score.reasons,
    overrideReason: decision.override === 'none' ? null : input.overrideReason,
    summary: input.summary,
  };
  const [row] = await tx
    .insert(riskAssessment)
    .values({
      id,
      organizationId: viewer.organizationId,
      participantId,
      assessedOn: input.assessedOn,
      assessedByUserId: viewer.userId,
      contentEnc: sealAssessment(keyring, dataKey, id, content),
      ruleVersion: score.ruleVersion,
      computedLevel: score.level,
      level: decision.level,
      requestedLevel: decision.requestedLevel,
      override: decision.override,
      ...(decision.decided && {
        decidedByUserId: viewer.userId,
        decidedAt: now,
        decisionReasonEnc: keyring.sealWithKey(dataKey, decisionReasonRef(id), input.overrideReason),
      }),
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('the assessment was not saved');

  const settings = await safetySettingsFor(tx, viewer.organizationId);
  const dueOn = reassessmentDueOn(input.assessedOn, decision.level, settings.reassessmentDays);
  await setCaseLevel(tx, participantId, decision.level);
  await tx
    .update(participant)
    .set({ riskAssessedOn: input.assessedOn, riskStaleSince: null, riskReassessDueOn: dueOn })
    .where(eq(participant.id, participantId));
  // What made the last assessment out of date is answered by this one.
  await tx
    .update(riskTrigger)
    .set({ resolvedByAssessmentId: id })
    .where(and(eq(riskTrigger.participantId, participantId), isNull(riskTrigger.resolvedByAssessmentId)));
  // A lowering still waiting on an earlier assessment is answered by this one.
  await tx
    .update(riskAssessment)
    .set({ override: 'lowering_superseded' })
    .where(
      and(
        eq(riskAssessment.participantId, participantId),
        eq(riskAssessment.override, 'lowering_pending'),
        ne(riskAssessment.id, id),
      ),
    );
  await closeAssessmentTasks(tx, participantId, viewer.userId, now);
  await schedulePeriodic(tx, {
    organizationId: viewer.organizationId,
    participantId,
    assigneeUserId: current.referenceUserId ?? viewer.userId,
    dueOn,
    assessmentId: id,
  });
  if (decision.override === 'lowering_pending') {
    await askCoordinators(tx, {
      organizationId: viewer.organizationId,
      participantId,
      assessmentId: id,
      dueOn: now.toISOString().slice(0, 10),
    });
  }
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'risk.assessed',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'safety',
    reason: decision.override,
  });
  for (const [index, measure] of input.measures.entries()) {
    await addMeasure(
      tx,
      keyring,
      viewer,
      { participantId, dataKey, measure, assessmentId: id, field: `measures.${index}` },
      now,
    );
  }
  await refreshNextDue(tx, participantId);
  return presentSummary(row, await peopleOf(tx, [row.assessedByUserId, row.decidedByUserId]));
}

/** Her assessments, newest first (levels and dates only: nothing sealed is opened). */
export async function assessmentSummaries(tx: Tx, participantId: string): Promise<TRiskAssessmentSummary[]> {
  const rows = await tx
    .select()
    .from(riskAssessment)
    .where(eq(riskAssessment.participantId, participantId))
    .orderBy(desc(riskAssessment.assessedOn), desc(riskAssessment.createdAt));
  const people = await peopleOf(
    tx,
    rows.flatMap((row) => [row.assessedByUserId, row.decidedByUserId]),
  );
  return rows.map((row) => presentSummary(row, people));
}

/** One assessment opened: answers with their notes, reasons, the judgment and its reasons. */
export async function readAssessment(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  assessmentId: string,
): Promise<TRiskAssessment> {
  const [row] = await tx
    .select()
    .from(riskAssessment)
    .where(and(eq(riskAssessment.id, assessmentId), eq(riskAssessment.participantId, participantId)));
  if (!row) throw notFound('This assessment');
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();
  const content = openAssessment(keyring, dataKey, row.id, row.contentEnc);
  const decisionReason = row.decisionReasonEnc
    ? keyring.openWithKey(dataKey, decisionReasonRef(row.id), row.decisionReasonEnc)
    : null;
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'risk.read',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'safety',
  });
  return presentAssessment(
    row,
    content,
    decisionReason,
    await peopleOf(tx, [row.assessedByUserId, row.decidedByUserId]),
  );
}
