/**
 * Writes audit events inside the caller's transaction, so an event exists exactly when the
 * change it records does. Events of one organization are serialised by a transaction-scoped
 * advisory lock to keep the chain linear.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { auditEvent } from '../db/schema.js';
import type { Tx } from '../db/tenant.js';
import { eventHash, GENESIS_HASH } from './chain.js';

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.second_factor'
  | 'auth.second_factor_failed'
  | 'auth.mfa_enrolled'
  | 'auth.mfa_reset'
  | 'auth.recovery_code_used'
  | 'auth.sign_out'
  | 'auth.sign_out_everywhere'
  | 'auth.step_up'
  | 'account.disabled'
  | 'participant.list'
  | 'participant.read'
  | 'participant.create'
  | 'participant.erase'
  | 'participant.export'
  | 'participant.reveal_identity'
  | 'section.read'
  | 'section.write'
  | 'section.break_glass'
  | 'organization.setup'
  | 'organization.section_matrix_changed'
  | 'organization.manage'
  | 'audit.read'
  | 'keys.rotated'
  | 'auth.step_up_failed'
  | 'auth.passkey_added'
  | 'auth.passkey_removed'
  | 'auth.recovery_codes_generated'
  | 'auth.setup_link_used'
  | 'account.enabled'
  | 'staff.list'
  | 'staff.invite'
  | 'staff.disable'
  | 'staff.enable'
  | 'staff.reset_mfa'
  | 'staff.setup_link'
  | 'intake.saved'
  | 'intake.completed'
  | 'intake.duplicate_flagged'
  | 'record.read'
  | 'record.write'
  | 'record.conflict'
  | 'case.team_changed'
  | 'case.handover'
  | 'consent.recorded'
  | 'consent.withdrawn'
  | 'consent.form_printed'
  | 'consent.scan_uploaded'
  | 'consent.scan_read'
  | 'consent.emergency_override'
  | 'section.shared'
  | 'section.share_refused'
  | 'section.share_ended'
  | 'retention.hold'
  | 'retention.clear'
  | 'transparency.read'
  | 'timeline.read'
  | 'task.done'
  | 'task.org_overview'
  | 'risk.assess'
  | 'risk.assessed'
  | 'risk.read'
  | 'risk.confirm_lowering'
  | 'risk.lowering_decided'
  | 'risk.measure_saved'
  | 'risk.triggered'
  | 'place.record'
  | 'place.recorded'
  | 'place.read'
  | 'place.ended'
  | 'incident.record'
  | 'incident.recorded'
  | 'incident.read'
  | 'incident.followed_up'
  | 'risk_area.read'
  | 'risk_area.manage'
  | 'risk_area.saved'
  | 'risk_area.archived'
  | 'protocol.read'
  | 'protocol.edit'
  | 'protocol.saved'
  | 'safety.configure'
  | 'safety.settings_changed'
  | 'itinerary.edit'
  | 'needs.read'
  | 'needs.saved'
  | 'priorities.saved'
  | 'plan.read'
  | 'plan.saved'
  | 'plan.agreed'
  | 'plan.printed'
  | 'milestone.recorded'
  | 'milestone.removed'
  | 'commitment.saved'
  | 'commitment.removed'
  | 'monitoring.read'
  | 'monitoring.rated'
  | 'monitoring.self_rated'
  | 'monitoring.completed'
  | 'itinerary.configure'
  | 'itinerary.settings_changed';

export interface AuditInput {
  organizationId: string;
  actorUserId: string | null;
  action: AuditAction;
  resourceType?: string | null;
  resourceId?: string | null;
  section?: string | null;
  reason?: string | null;
  outcome?: 'allowed' | 'denied';
  flagged?: boolean;
}

export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${input.organizationId}`}, 0))`,
  );
  const [last] = await tx
    .select({ seq: auditEvent.seq, hash: auditEvent.hash })
    .from(auditEvent)
    .where(eq(auditEvent.organizationId, input.organizationId))
    .orderBy(desc(auditEvent.seq))
    .limit(1);
  const content = {
    organizationId: input.organizationId,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(),
    actorUserId: input.actorUserId,
    action: input.action,
    resourceType: input.resourceType ?? null,
    resourceId: input.resourceId ?? null,
    section: input.section ?? null,
    reason: input.reason ?? null,
    outcome: input.outcome ?? 'allowed',
    flagged: input.flagged ?? false,
  } as const;
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvent).values({ ...content, prevHash, hash: eventHash(prevHash, content) });
}
