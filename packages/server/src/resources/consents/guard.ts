/**
 * The two halves of the policy for her consents and shares: the organization-level rule, then
 * the viewer's place in this case. A refusal is audited and answers 403; a case of another
 * organization answers 404, as if it did not exist.
 */
import type { AuditAction } from '../../audit/record.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type CaseFacts, caseRelation, loadCaseFacts } from '../../policy/case-access.js';
import { recordDenial } from '../../policy/enforce.js';
import { type CaseAction, can, caseCan } from '../../policy/index.js';
import type { Viewer } from '../auth/sessions.js';

export interface CaseGuard {
  action: CaseAction & ('consent.record' | 'consent.emergency_override' | 'section.share');
  /** What a refusal is recorded as in the audit trail. */
  refusal: AuditAction;
  section?: string;
}

/** Runs `work` in one tenant transaction once the viewer may act on this case. */
export async function onCase<T>(
  db: TenantDb,
  viewer: Viewer,
  participantId: string,
  guard: CaseGuard,
  work: (tx: Tx, facts: CaseFacts) => Promise<T>,
): Promise<T> {
  const target = { resourceType: 'participant', resourceId: participantId, section: guard.section };
  if (!can(viewer, guard.action)) {
    await recordDenial(db, viewer, guard.refusal, target);
    throw forbidden();
  }
  const outcome = await db.run(viewer, async (tx) => {
    const facts = (await loadCaseFacts(tx, viewer, [participantId])).get(participantId);
    if (!facts) return { kind: 'not_found' as const };
    if (!caseCan(viewer, guard.action, caseRelation(viewer, facts))) return { kind: 'forbidden' as const };
    return { kind: 'done' as const, value: await work(tx, facts) };
  });
  if (outcome.kind === 'not_found') throw notFound('This participant');
  if (outcome.kind === 'forbidden') {
    await recordDenial(db, viewer, guard.refusal, target);
    throw forbidden();
  }
  return outcome.value;
}

/** Today's date (UTC), the day consents and shares are judged on. */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);
