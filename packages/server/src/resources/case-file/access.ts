/**
 * Case-level checks for her file: the organization-level rule first, then the viewer's place in
 * this case (policy/index.ts caseCan). A refusal is audited; a case of another organization
 * answers 404, as if it did not exist.
 */

import { SECTIONS, type Section } from '@cope/domain';
import type { AuditAction } from '../../audit/record.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type CaseFacts, caseRelation, loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import { recordDenial } from '../../policy/enforce.js';
import { type CaseAction, caseCan } from '../../policy/index.js';
import type { Viewer } from '../auth/sessions.js';

export async function caseFactsOrNotFound(db: TenantDb, viewer: Viewer, participantId: string) {
  const facts = await db.run(viewer, async (tx) =>
    (await loadCaseFacts(tx, viewer, [participantId])).get(participantId),
  );
  if (!facts) throw notFound('This participant');
  return facts;
}

export async function requireCaseAction(
  db: TenantDb,
  viewer: Viewer,
  participantId: string,
  action: CaseAction & AuditAction,
): Promise<CaseFacts> {
  const facts = await caseFactsOrNotFound(db, viewer, participantId);
  if (!caseCan(viewer, action, caseRelation(viewer, facts))) {
    await recordDenial(db, viewer, action, { resourceType: 'participant', resourceId: participantId });
    throw forbidden();
  }
  return facts;
}

/** The sections of her case this viewer may open in full: what her file export may include. */
export async function fullSectionsOf(tx: Tx, viewer: Viewer, participantId: string): Promise<Set<Section>> {
  const facts = (await loadCaseFacts(tx, viewer, [participantId])).get(participantId);
  if (!facts) return new Set();
  return new Set(
    SECTIONS.filter((section) => sectionLevel(viewer, viewer.sectionMatrix, facts, section) === 'full'),
  );
}
