/**
 * What the policy needs to know about a viewer's relation to cases, loaded in bulk: one query
 * for a page of 25 cases, not 25 queries.
 */
import {
  type AccessLevel,
  type CaseRelation,
  SECTIONS,
  type Section,
  type SectionMatrix,
  sectionAccess,
} from '@cope/domain';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { breakGlassGrant, caseTeamMember, participant } from '../db/schema.js';
import type { Tx } from '../db/tenant.js';
import type { Viewer } from '../resources/auth/sessions.js';

export interface CaseFacts {
  participantId: string;
  referenceUserId: string | null;
  isTeamMember: boolean;
  /** Sections opened to this viewer by an unexpired break-glass grant. */
  brokenGlass: Set<Section>;
}

export async function loadCaseFacts(
  tx: Tx,
  viewer: Viewer,
  participantIds: readonly string[],
  now = new Date(),
): Promise<Map<string, CaseFacts>> {
  const facts = new Map<string, CaseFacts>();
  if (participantIds.length === 0) return facts;
  const ids = [...new Set(participantIds)];
  const cases = await tx
    .select({ id: participant.id, referenceUserId: participant.referenceUserId })
    .from(participant)
    .where(inArray(participant.id, ids));
  for (const row of cases) {
    facts.set(row.id, {
      participantId: row.id,
      referenceUserId: row.referenceUserId,
      isTeamMember: false,
      brokenGlass: new Set(),
    });
  }
  const memberships = await tx
    .select({ participantId: caseTeamMember.participantId })
    .from(caseTeamMember)
    .where(and(eq(caseTeamMember.userId, viewer.userId), inArray(caseTeamMember.participantId, ids)));
  for (const m of memberships) {
    const f = facts.get(m.participantId);
    if (f) f.isTeamMember = true;
  }
  const grants = await tx
    .select({ participantId: breakGlassGrant.participantId, section: breakGlassGrant.section })
    .from(breakGlassGrant)
    .where(
      and(
        eq(breakGlassGrant.userId, viewer.userId),
        inArray(breakGlassGrant.participantId, ids),
        gt(breakGlassGrant.expiresAt, now),
      ),
    );
  for (const g of grants) {
    const f = facts.get(g.participantId);
    if (f && (SECTIONS as readonly string[]).includes(g.section)) f.brokenGlass.add(g.section as Section);
  }
  return facts;
}

export function caseRelation(viewer: Viewer, facts: CaseFacts): CaseRelation {
  return {
    roles: viewer.roles,
    isReference: facts.referenceUserId === viewer.userId,
    isTeamMember: facts.isTeamMember,
  };
}

/** The viewer's access to one section of one case, break-glass included. */
export function sectionLevel(
  viewer: Viewer,
  matrix: SectionMatrix,
  facts: CaseFacts,
  section: Section,
): AccessLevel {
  if (viewer.state !== 'active') return 'none';
  if (facts.brokenGlass.has(section)) return 'full';
  return sectionAccess(matrix, section, caseRelation(viewer, facts));
}
