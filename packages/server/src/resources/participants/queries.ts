/** Read models for the participant list and detail, shared by the routes and the benchmark. */
import type { CaseScope, TParticipantListQuery } from '@cope/contracts';
import { riskRank } from '@cope/domain';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { caseTeamMember, participant, participantKey, staffUser } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import type { AttentionFilter } from './attention-filter.js';

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

/** Who is asking, for the scopes that depend on her place in cases. */
export interface ListViewer {
  userId: string;
  scope: CaseScope;
  /** The legal-situation filter reaches only the cases she is on (legal access by team role). */
  legalFilterOnOwnCases: boolean;
  /** The attention filter within her reach (attention-filter.ts); null: `?attention=` matches nothing. */
  attention: AttentionFilter | null;
}

/**
 * Her cases as reference or team member. The union keeps both halves on their own index
 * (participant_org_reference_idx, case_team_member_user_idx) instead of one OR over the table;
 * the inner `participant` is the subquery's own, not the outer row.
 */
function onTeamOf(userId: string): SQL {
  return sql`${participant.id} in (select ${caseTeamMember.participantId} from ${caseTeamMember} where ${caseTeamMember.userId} = ${userId} union select "id" from "participant" where "reference_user_id" = ${userId})`;
}

// Row-level security already limits rows to the viewer's organization; the explicit filter
// lets PostgreSQL use the (organization_id, …) indexes.
export function listFilters(
  organizationId: string,
  query: TParticipantListQuery,
  viewer?: ListViewer,
): SQL[] {
  const filters: SQL[] = [eq(participant.organizationId, organizationId)];
  if (viewer?.scope === 'mine') filters.push(eq(participant.referenceUserId, viewer.userId));
  const teamOnly =
    viewer?.scope === 'team' ||
    (query.legalSituation && viewer?.legalFilterOnOwnCases) ||
    (query.attention && viewer?.attention?.ownCasesOnly);
  if (viewer && teamOnly) filters.push(onTeamOf(viewer.userId));
  if (query.caseCode) filters.push(eq(participant.caseCode, query.caseCode));
  if (query.status) filters.push(eq(participant.status, query.status));
  if (query.riskLevel) filters.push(eq(participant.riskRank, riskRank(query.riskLevel)));
  if (query.referenceUserId) filters.push(eq(participant.referenceUserId, query.referenceUserId));
  if (query.legalSituation) {
    filters.push(sql`${query.legalSituation} = any(${participant.legalSituations})`);
  }
  if (query.attention) {
    const spheres = viewer?.attention?.spheres ?? [];
    filters.push(
      spheres.length > 0
        ? sql`${participant.attentionSpheres} && array[${sql.join(
            spheres.map((sphere) => sql`${sphere}`),
            sql`, `,
          )}]::text[]`
        : sql`false`,
    );
  }
  if (query.dueBy) {
    filters.push(sql`${participant.nextDueOn} <= ${query.dueBy}`);
  }
  return filters;
}

export async function listParticipants(
  tx: Tx,
  organizationId: string,
  query: TParticipantListQuery,
  viewer?: ListViewer,
) {
  const where = and(...listFilters(organizationId, query, viewer));
  const direction = query.order === 'asc' ? asc : desc;
  const base = tx
    .select(listColumns)
    .from(participant)
    .leftJoin(staffUser, eq(staffUser.id, participant.referenceUserId));
  // Cases with nothing due come last in both directions; ascending follows the index
  // (organization_id, next_due_on, id).
  const order =
    query.sort === 'next_due'
      ? [
          sql`${participant.nextDueOn} ${sql.raw(query.order === 'asc' ? 'asc' : 'desc')} nulls last`,
          direction(participant.id),
        ]
      : [direction(SORT_COLUMNS[query.sort]), direction(participant.id)];
  const rows: ParticipantRow[] = await base
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ n: count() }).from(participant).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The earliest open task of each listed case (kept on her row by resources/tasks). */
export async function nextDueDates(tx: Tx, participantIds: string[]): Promise<Map<string, string>> {
  if (participantIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: participant.id, dueOn: participant.nextDueOn })
    .from(participant)
    .where(inArray(participant.id, participantIds));
  return new Map(rows.flatMap((r) => (r.dueOn ? [[r.id, r.dueOn] as const] : [])));
}

export type ParticipantDetailRow = ParticipantRow & {
  referenceChanges: number;
  intakeSteps: string[];
  erasedAt: Date | null;
  unmetBasicNeeds: string[];
};

export async function getParticipant(tx: Tx, participantId: string): Promise<ParticipantDetailRow | null> {
  const [row] = await tx
    .select({
      ...listColumns,
      referenceChanges: participant.referenceChanges,
      intakeSteps: participant.intakeSteps,
      erasedAt: participantKey.destroyedAt,
      unmetBasicNeeds: participant.unmetBasicNeeds,
    })
    .from(participant)
    .leftJoin(staffUser, eq(staffUser.id, participant.referenceUserId))
    .leftJoin(participantKey, eq(participantKey.participantId, participant.id))
    .where(eq(participant.id, participantId))
    .limit(1);
  return row ?? null;
}
