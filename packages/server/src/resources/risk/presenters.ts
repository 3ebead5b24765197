/** What leaves the server about her assessments, plan and reported changes: never a row as is. */
import type { TMeasure, TRiskAssessment, TRiskAssessmentSummary, TRiskTrigger } from '@cope/contracts';
import { REASSESSMENT_TRIGGERS, type ReassessmentTrigger, RISK_FACTORS } from '@cope/domain';
import type { riskAssessment, riskMeasure, riskTrigger } from '../../db/schema-safety.js';
import type { People } from '../case-team/people.js';
import type { AssessmentContent } from './content.js';

type AssessmentRow = typeof riskAssessment.$inferSelect;
type MeasureRow = typeof riskMeasure.$inferSelect;
type TriggerRow = typeof riskTrigger.$inferSelect;

export { type People, type Person, peopleOf } from '../case-team/people.js';

export function presentSummary(row: AssessmentRow, people: People): TRiskAssessmentSummary {
  return {
    id: row.id,
    assessedOn: row.assessedOn,
    assessedBy: people(row.assessedByUserId),
    ruleVersion: row.ruleVersion,
    computedLevel: row.computedLevel,
    level: row.level,
    requestedLevel: row.requestedLevel,
    override: row.override,
    decidedBy: row.decidedByUserId ? people(row.decidedByUserId) : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAssessment(
  row: AssessmentRow,
  content: AssessmentContent,
  decisionReason: string | null,
  people: People,
): TRiskAssessment {
  // Every factor of today's instrument is present; one added after this assessment reads "unknown".
  const answers = Object.fromEntries(
    RISK_FACTORS.map((factor) => [factor, content.answers[factor] ?? { answer: 'unknown', note: '' }]),
  ) as TRiskAssessment['answers'];
  return {
    ...presentSummary(row, people),
    answers,
    points: content.points,
    reasons: content.reasons,
    overrideReason: content.overrideReason,
    decisionReason,
    summary: content.summary,
  };
}

export function presentMeasure(
  row: MeasureRow,
  description: string,
  people: People,
  today: string,
): TMeasure {
  const open = row.status === 'planned' || row.status === 'in_progress';
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    description,
    owner: people(row.ownerUserId),
    dueOn: row.dueOn,
    status: row.status,
    overdue: open && row.dueOn < today,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const isTrigger = (kind: string): kind is ReassessmentTrigger =>
  (REASSESSMENT_TRIGGERS as readonly string[]).includes(kind);

export function presentTrigger(row: TriggerRow, people: People): TRiskTrigger {
  return {
    id: row.id,
    kind: isTrigger(row.kind) ? row.kind : 'other',
    occurredAt: row.occurredAt.toISOString(),
    by: row.actorUserId ? people(row.actorUserId) : null,
  };
}
