/**
 * Who may open her integration itinerary and do what in it (DOMAIN.md "The fourteen spheres").
 * Every needs, plan and monitoring route runs its work through `onItinerary`: a case of another
 * organization answers 404 as if it did not exist; a viewer without full access to the section
 * the route serves (needs, plan or monitoring), or without the right to edit when the route
 * writes, is refused (403) and the refusal is written to the audit trail. What is written about
 * one sphere is further guarded by that sphere's own section (SPHERE_SECTION): the work checks
 * `full(section)` before opening it.
 */
import type { Section } from '@cope/domain';
import type { AuditAction } from '../../audit/record.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type CaseFacts, caseRelation, loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import { recordDenial } from '../../policy/enforce.js';
import { type CaseAction, type CasePlace, caseCan } from '../../policy/index.js';
import type { Viewer } from '../auth/sessions.js';
import { sectionRestricted } from '../sections/service.js';

export type ItinerarySection = 'needs' | 'plan' | 'monitoring';

export interface ItineraryCase {
  participantId: string;
  facts: CaseFacts;
  place: CasePlace;
  /** The viewer's case-level rights, for the abilities the web shows. */
  may: (action: CaseAction) => boolean;
  /** Whether the viewer sees this section of her case in full. */
  full: (section: Section) => boolean;
}

export interface ItineraryRule {
  section: ItinerarySection;
  /** The route writes: the viewer also needs `itinerary.edit` on this case. */
  edit: boolean;
  /** What a refusal is recorded as. */
  auditAs: AuditAction;
}

export async function onItinerary<T>(
  db: TenantDb,
  viewer: Viewer,
  participantId: string,
  rule: ItineraryRule,
  work: (tx: Tx, itinerary: ItineraryCase) => Promise<T>,
): Promise<T> {
  const result = await db.run(viewer, async (tx) => {
    const facts = (await loadCaseFacts(tx, viewer, [participantId])).get(participantId);
    if (!facts) return { kind: 'missing' as const };
    const place = caseRelation(viewer, facts);
    const itinerary: ItineraryCase = {
      participantId,
      facts,
      place,
      may: (action) => caseCan(viewer, action, place),
      full: (section) => sectionLevel(viewer, viewer.sectionMatrix, facts, section) === 'full',
    };
    if (rule.edit && !itinerary.may('itinerary.edit')) return { kind: 'denied' as const, section: false };
    if (!itinerary.full(rule.section)) return { kind: 'denied' as const, section: true };
    return { kind: 'ok' as const, value: await work(tx, itinerary) };
  });
  if (result.kind === 'missing') throw notFound('This participant');
  if (result.kind === 'denied') {
    await recordDenial(db, viewer, rule.auditAs, {
      resourceType: 'participant',
      resourceId: participantId,
      section: rule.section,
    });
    throw result.section ? sectionRestricted(rule.section) : forbidden();
  }
  return result.value;
}
