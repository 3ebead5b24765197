/**
 * Who may open her safety section and do what in it. Every risk route runs its work through
 * `onSafety`: a case of another organization answers 404 as if it did not exist; a viewer
 * without full access to the safety section, or without the case-level right the route needs,
 * is refused (403) and the refusal is written to the audit trail.
 */
import type { AuditAction } from '../../audit/record.js';
import type { TenantDb, Tx } from '../../db/tenant.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type CaseFacts, caseRelation, loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import { recordDenial } from '../../policy/enforce.js';
import { type CaseAction, type CasePlace, caseCan } from '../../policy/index.js';
import type { Viewer } from '../auth/sessions.js';
import { sectionRestricted } from '../sections/service.js';

export interface SafetyCase {
  participantId: string;
  facts: CaseFacts;
  place: CasePlace;
  /** The viewer's case-level rights, for the abilities the web shows. */
  may: (action: CaseAction) => boolean;
  /** Whether the viewer sees this section of her case in full. */
  full: (section: 'identity' | 'safety') => boolean;
}

export interface SafetyRule {
  /** The case-level right the work needs on top of full access to the safety section. */
  action: CaseAction | null;
  /** What a refusal is recorded as. */
  auditAs: AuditAction;
}

export async function onSafety<T>(
  db: TenantDb,
  viewer: Viewer,
  participantId: string,
  rule: SafetyRule,
  work: (tx: Tx, safety: SafetyCase) => Promise<T>,
): Promise<T> {
  const result = await db.run(viewer, async (tx) => {
    const facts = (await loadCaseFacts(tx, viewer, [participantId])).get(participantId);
    if (!facts) return { kind: 'missing' as const };
    const place = caseRelation(viewer, facts);
    const safety: SafetyCase = {
      participantId,
      facts,
      place,
      may: (action) => caseCan(viewer, action, place),
      full: (section) => sectionLevel(viewer, viewer.sectionMatrix, facts, section) === 'full',
    };
    if (rule.action && !safety.may(rule.action)) return { kind: 'denied' as const, section: false };
    if (!safety.full('safety')) return { kind: 'denied' as const, section: true };
    return { kind: 'ok' as const, value: await work(tx, safety) };
  });
  if (result.kind === 'missing') throw notFound('This participant');
  if (result.kind === 'denied') {
    await recordDenial(db, viewer, rule.auditAs, {
      resourceType: 'participant',
      resourceId: participantId,
      section: 'safety',
    });
    throw result.section ? sectionRestricted('safety') : forbidden();
  }
  return result.value;
}
