/** Every read and change of her plan, written to the audit trail in the same transaction. */
import { type AuditAction, recordAudit } from '../../audit/record.js';
import type { Tx } from '../../db/tenant.js';
import type { Viewer } from '../auth/sessions.js';

export async function auditPlan(
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  action: AuditAction,
  reason: string | null = null,
): Promise<void> {
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action,
    resourceType: 'participant',
    resourceId: participantId,
    section: 'plan',
    reason,
  });
}
