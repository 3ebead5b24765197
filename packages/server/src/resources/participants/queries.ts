/** Read models for the participant list and detail, shared by the routes and the benchmark. */
import type { TParticipantListQuery } from '@cope/contracts';
import { riskRank } from '@cope/domain';
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { participant, staffUser } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';

const SORT_COLUMNS = {
  case_code: participant.caseCode,
  opened_at: participant.openedAt,
  risk_level: participant.riskRank,
} as const;

const listColumns = {
  id: participant.id,
  caseCode: participant.caseCode,
  preferredNameEnc: participant.preferredNameEnc,
  isProtectedWitness: participant.isProtectedWitness,
  status: participant.status,
  riskLevel: participant.riskLevel,
  openedAt: participant.openedAt,
  referenceId: staffUser.id,
  referenceName: staffUser.displayName,
};

export type ParticipantRow = {
  id: string;
  caseCode: string;
  preferredNameEnc: string | null;
  isProtectedWitness: boolean;
  status: 'intake' | 'active' | 'on_hold' | 'closed' | 'follow_up';
  riskLevel: 'low' | 'medium' | 'high' | 'critical' | null;
  openedAt: Date;
  referenceId: string | null;
  referenceName: string | null;
};

// Row-level security already limits rows to the viewer's organization; the explicit filter
// lets PostgreSQL use the (organization_id, …) indexes.
export async function listParticipants(tx: Tx, organizationId: string, query: TParticipantListQuery) {
  const filters: SQL[] = [eq(participant.organizationId, organizationId)];
  if (query.status) filters.push(eq(participant.status, query.status));
  if (query.riskLevel) filters.push(eq(participant.riskRank, riskRank(query.riskLevel)));
  const where = and(...filters);
  const direction = query.order === 'asc' ? asc : desc;
  const rows: ParticipantRow[] = await tx
    .select(listColumns)
    .from(participant)
    .leftJoin(staffUser, eq(staffUser.id, participant.referenceUserId))
    .where(where)
    .orderBy(direction(SORT_COLUMNS[query.sort]), direction(participant.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ n: count() }).from(participant).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export type ParticipantDetailRow = ParticipantRow & { referenceChanges: number; intakeSteps: string[] };

export async function getParticipant(tx: Tx, participantId: string): Promise<ParticipantDetailRow | null> {
  const [row] = await tx
    .select({
      ...listColumns,
      referenceChanges: participant.referenceChanges,
      intakeSteps: participant.intakeSteps,
    })
    .from(participant)
    .leftJoin(staffUser, eq(staffUser.id, participant.referenceUserId))
    .where(eq(participant.id, participantId))
    .limit(1);
  return row ?? null;
}
