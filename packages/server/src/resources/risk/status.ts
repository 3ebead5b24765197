/**
 * What the case header shows on every tab: the level in force, how old the assessment is,
 * whether an event made it out of date, whether the periodic reassessment is overdue, whether a
 * place of hers lies in or near a risk area, and whether a lowering waits for a coordinator.
 * Reads columns in clear only: nothing sealed is opened.
 */
import type { TRiskStatus } from '@cope/contracts';
import type { RiskLevel } from '@cope/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { participant } from '../../db/schema.js';
import { casePlace, riskAssessment } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';

const DAY_MS = 86_400_000;

export interface RiskColumns {
  riskLevel: RiskLevel | null;
  riskAssessedOn: string | null;
  riskStaleSince: Date | null;
  riskReassessDueOn: string | null;
}

export function presentRiskStatus(
  row: RiskColumns,
  flags: { nearRiskArea: boolean; pendingLowering: boolean },
  now = new Date(),
): TRiskStatus {
  const today = now.toISOString().slice(0, 10);
  const ageDays = row.riskAssessedOn
    ? Math.max(
        0,
        Math.floor(
          (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.riskAssessedOn}T00:00:00Z`)) / DAY_MS,
        ),
      )
    : null;
  // An event that made the assessment out of date makes the reassessment due that very day.
  const staleDay = row.riskStaleSince?.toISOString().slice(0, 10) ?? null;
  const dueOn =
    staleDay && (!row.riskReassessDueOn || staleDay < row.riskReassessDueOn)
      ? staleDay
      : row.riskReassessDueOn;
  return {
    level: row.riskLevel,
    assessedOn: row.riskAssessedOn,
    ageDays,
    stale: row.riskStaleSince !== null,
    staleSince: row.riskStaleSince?.toISOString() ?? null,
    reassessDueOn: dueOn,
    overdue: dueOn !== null && dueOn < today,
    nearRiskArea: flags.nearRiskArea,
    pendingLowering: flags.pendingLowering,
  };
}

/** Her risk status, or null when the case does not exist (or belongs to another organization). */
export async function riskStatusOf(
  tx: Tx,
  participantId: string,
  now = new Date(),
): Promise<TRiskStatus | null> {
  const [row] = await tx
    .select({
      riskLevel: participant.riskLevel,
      riskAssessedOn: participant.riskAssessedOn,
      riskStaleSince: participant.riskStaleSince,
      riskReassessDueOn: participant.riskReassessDueOn,
      nearRiskArea: sql<boolean>`exists (select 1 from ${casePlace} where ${and(
        eq(casePlace.participantId, participant.id),
        isNull(casePlace.endedAt),
        sql`jsonb_array_length(${casePlace.areaHits}) > 0`,
      )})`,
      pendingLowering: sql<boolean>`exists (select 1 from ${riskAssessment} where ${and(
        eq(riskAssessment.participantId, participant.id),
        eq(riskAssessment.override, 'lowering_pending'),
      )})`,
    })
    .from(participant)
    .where(eq(participant.id, participantId));
  if (!row) return null;
  return presentRiskStatus(
    row,
    { nearRiskArea: row.nearRiskArea, pendingLowering: row.pendingLowering },
    now,
  );
}
