/**
 * Case-level checks for her file: the organization-level rule first, then the viewer's place in
 * this case (policy/index.ts caseCan). A refusal is audited; a case of another organization
 * answers 404, as if it did not exist.
 */
import type { AuditAction } from '../../audit/record.js';
import type { TenantDb } from '../../db/tenant.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type CaseFacts, caseRelation, loadCaseFacts } from '../../policy/case-access.js';
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
