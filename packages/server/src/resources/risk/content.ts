/**
 * What an assessment keeps sealed with her data key, and the level columns kept in clear on her
 * case row (list filters and the case header read them).
 */
import type { RiskAnswers, RiskFactor, RiskLevel, TriState } from '@cope/domain';
import { riskRank } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { participant } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';

export interface AssessmentContent {
  answers: Record<RiskFactor, { answer: TriState; note: string }>;
  points: number;
  reasons: { factor: RiskFactor; answer: 'yes' | 'unknown' }[];
  overrideReason: string | null;
  summary: string;
}

const contentRef = (assessmentId: string) => ({
  table: 'risk_assessment',
  column: 'content',
  recordId: assessmentId,
});

export function sealAssessment(
  keyring: Keyring,
  dataKey: Buffer,
  assessmentId: string,
  content: AssessmentContent,
): string {
  return keyring.sealWithKey(dataKey, contentRef(assessmentId), JSON.stringify(content));
}

export function openAssessment(
  keyring: Keyring,
  dataKey: Buffer,
  assessmentId: string,
  stored: string,
): AssessmentContent {
  return JSON.parse(keyring.openWithKey(dataKey, contentRef(assessmentId), stored)) as AssessmentContent;
}

/** The bare answers, as the scoring rules take them. */
export function answersOf(content: AssessmentContent): RiskAnswers {
  return Object.fromEntries(
    Object.entries(content.answers).map(([factor, { answer }]) => [factor, answer]),
  ) as RiskAnswers;
}

/** Her level in force, on the case row. */
export async function setCaseLevel(tx: Tx, participantId: string, level: RiskLevel): Promise<void> {
  await tx
    .update(participant)
    .set({ riskLevel: level, riskRank: riskRank(level), updatedAt: new Date() })
    .where(eq(participant.id, participantId));
}
