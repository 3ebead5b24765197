/**
 * What the policy needs to know about a viewer's relation to cases, loaded in bulk: one query
 * for a page of 25 cases, not 25 queries.
 */
import {
  type AccessLevel,
  type Audience,
  audienceMatches,
  type CaseRelation,
  isShareAudience,
  latestStartedOn,
  SECTIONS,
  type Section,
  type SectionMatrix,
  sectionAccess,
} from '@cope/domain';
import { and, eq, gt, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { breakGlassGrant, caseTeamMember, participant } from '../db/schema.js';
import { consent, sectionShare } from '../db/schema-case.js';
import type { Tx } from '../db/tenant.js';
import type { Viewer } from '../resources/auth/sessions.js';

export interface CaseFacts {
  participantId: string;
  referenceUserId: string | null;
  isTeamMember: boolean;
  /** Sections opened to this viewer by an unexpired break-glass grant. */
  brokenGlass: Set<Section>;
  /**
   * Sections of her case shared with a role group, counted only while in force: not ended, and
   * resting on a consent that is active today (or an emergency override). Withdrawing the
   * consent closes the share at the next request, with no job to run.
   */
  shares: { section: Section; audience: Audience }[];
}

const isSection = (value: string): value is Section => (SECTIONS as readonly string[]).includes(value);

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
      shares: [],
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
    if (f && isSection(g.section)) f.brokenGlass.add(g.section);
  }
  for (const share of await effectiveShares(tx, ids, now)) {
    const f = facts.get(share.participantId);
    if (f && isSection(share.section) && isShareAudience(share.audience)) {
      f.shares.push({ section: share.section, audience: share.audience });
    }
  }
  return facts;
}

/** Shares in force today: open, and either an emergency override or resting on an active consent. */
function effectiveShares(tx: Tx, participantIds: string[], now: Date) {
  const today = now.toISOString().slice(0, 10);
  return tx
    .select({
      participantId: sectionShare.participantId,
      section: sectionShare.section,
      audience: sectionShare.audience,
    })
    .from(sectionShare)
    .leftJoin(consent, eq(consent.id, sectionShare.consentId))
    .where(
      and(
        inArray(sectionShare.participantId, participantIds),
        isNull(sectionShare.endedAt),
        or(
          isNotNull(sectionShare.emergencyReason),
          and(
            isNull(consent.withdrawnAt),
            lte(consent.givenOn, latestStartedOn(today)),
            or(isNull(consent.expiresOn), gte(consent.expiresOn, today)),
          ),
        ),
      ),
    );
}

export function caseRelation(viewer: Viewer, facts: CaseFacts): CaseRelation {
  return {
    roles: viewer.roles,
    isReference: facts.referenceUserId === viewer.userId,
    isTeamMember: facts.isTeamMember,
  };
}

/** The viewer's access to one section of one case, break-glass and section shares included. */
export function sectionLevel(
  viewer: Viewer,
  matrix: SectionMatrix,
  facts: CaseFacts,
  section: Section,
): AccessLevel {
  if (viewer.state !== 'active') return 'none';
  if (facts.brokenGlass.has(section)) return 'full';
  const relation = caseRelation(viewer, facts);
  if (facts.shares.some((share) => share.section === section && audienceMatches(share.audience, relation))) {
    return 'full';
  }
  return sectionAccess(matrix, section, relation);
}
