/**
 * Running work on one case after the case-level policy said yes: loads the viewer's place in the
 * case, answers 404 for a case outside her organization, and records a refusal (then 403) when
 * the case-relative rule says no.
 */
import type { AuditAction } from '../../audit/record.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type CaseFacts, caseRelation, loadCaseFacts } from '../../policy/case-access.js';
import { recordDenial } from '../../policy/enforce.js';
import { type Action, type CaseAction, can, caseCan } from '../../policy/index.js';
import type { Viewer } from '../auth/sessions.js';

export interface CaseRule {
  action: CaseAction;
  /** What a refusal is recorded as in the audit trail. */
  auditAs: AuditAction;
}

export async function onCase<T>(
  db: TenantDb,
  viewer: Viewer,
  participantId: string,
  rule: CaseRule | null,
  work: (tx: Tx, facts: CaseFacts) => Promise<T>,
): Promise<T> {
  const result = await db.run(viewer, async (tx) => {
    const facts = (await loadCaseFacts(tx, viewer, [participantId])).get(participantId);
    if (!facts) return { kind: 'missing' as const };
    if (rule && !caseCan(viewer, rule.action, caseRelation(viewer, facts)))
      return { kind: 'denied' as const };
    return { kind: 'ok' as const, value: await work(tx, facts) };
  });
  if (result.kind === 'missing') throw notFound('This participant');
  if (result.kind === 'denied') {
    await recordDenial(db, viewer, rule?.auditAs ?? 'participant.read', {
      resourceType: 'participant',
      resourceId: participantId,
    });
    throw forbidden();
  }
  return result.value;
}

/** An organization-level check whose refusal is audited under another name (the action is not an audit action). */
export async function authorizeAs(
  db: TenantDb,
  viewer: Viewer,
  action: Action,
  auditAs: AuditAction,
  participantId: string,
): Promise<void> {
  if (can(viewer, action)) return;
  await recordDenial(db, viewer, auditAs, { resourceType: 'participant', resourceId: participantId });
  throw forbidden();
}
