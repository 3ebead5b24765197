/**
 * Who may open her incident log and who may add to it. Reading needs full access to her safety
 * section (her case team, a coordinator, break-glass, a share under her consent); recording and
 * following up also need a place on the case (policy caseCan 'incident.record'). A refusal is
 * audited and answers 403; a case of another organization answers 404, as if it did not exist.
 */
import type { AuditAction } from '../../audit/record.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type CaseFacts, caseRelation, loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import { recordDenial } from '../../policy/enforce.js';
import { caseCan } from '../../policy/index.js';
import type { Viewer } from '../auth/sessions.js';

export interface SafetyGuard {
  /** True for recording and following up; reading needs the safety section only. */
  write: boolean;
  /** What a refusal is recorded as in the audit trail. */
  refusal: AuditAction;
}

export interface SafetyAccess {
  facts: CaseFacts;
  /** Whether this viewer may record incidents and mark follow-ups on this case. */
  canRecord: boolean;
}

/** Runs `work` in one tenant transaction once the viewer may act on her safety section. */
export async function onSafetySection<T>(
  db: TenantDb,
  viewer: Viewer,
  participantId: string,
  guard: SafetyGuard,
  work: (tx: Tx, access: SafetyAccess) => Promise<T>,
): Promise<T> {
  const outcome = await db.run(viewer, async (tx) => {
    const facts = (await loadCaseFacts(tx, viewer, [participantId])).get(participantId);
    if (!facts) return { kind: 'not_found' as const };
    const full = sectionLevel(viewer, viewer.sectionMatrix, facts, 'safety') === 'full';
    const canRecord = full && caseCan(viewer, 'incident.record', caseRelation(viewer, facts));
    if (!full || (guard.write && !canRecord)) return { kind: 'forbidden' as const };
    return { kind: 'done' as const, value: await work(tx, { facts, canRecord }) };
  });
  if (outcome.kind === 'not_found') throw notFound('This participant');
  if (outcome.kind === 'forbidden') {
    await recordDenial(db, viewer, guard.refusal, {
      resourceType: 'participant',
      resourceId: participantId,
      section: 'safety',
    });
    throw forbidden();
  }
  return outcome.value;
}
