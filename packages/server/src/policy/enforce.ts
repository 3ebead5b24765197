/**
 * Enforcement with a memory: a refused attempt is written to the audit trail (in its own
 * transaction, since the request's work never runs), and a burst of refusals by one person
 * alerts the organization's coordinators.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { type AuditAction, recordAudit } from '../audit/record.js';
import { auditEvent, notification, staffUser } from '../db/schema.js';
import type { TenantDb, Tx } from '../db/tenant.js';
import { forbidden } from '../http/errors.js';
import type { Viewer } from '../resources/auth/sessions.js';
import { type Action, can } from './index.js';

export const DENIAL_ALERT_THRESHOLD = 5;
export const DENIAL_WINDOW_MINUTES = 10;

export interface AttemptTarget {
  resourceType?: string;
  resourceId?: string;
  section?: string;
}

export async function recordDenial(
  db: TenantDb,
  viewer: Viewer,
  action: AuditAction,
  target: AttemptTarget = {},
) {
  await db.run(viewer, async (tx) => {
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action,
      resourceType: target.resourceType ?? null,
      resourceId: target.resourceId ?? null,
      section: target.section ?? null,
      outcome: 'denied',
    });
    await alertOnRepeatedDenials(tx, viewer);
  });
}

async function alertOnRepeatedDenials(tx: Tx, viewer: Viewer) {
  const since = new Date(Date.now() - DENIAL_WINDOW_MINUTES * 60_000);
  const [recent] = await tx
    .select({ n: count() })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.actorUserId, viewer.userId),
        eq(auditEvent.outcome, 'denied'),
        gt(auditEvent.occurredAt, since),
      ),
    );
  // Alert once per burst: exactly when the threshold is reached.
  if (Number(recent?.n ?? 0) !== DENIAL_ALERT_THRESHOLD) return;
  const coordinators = await tx
    .select({ id: staffUser.id })
    .from(staffUser)
    .where(sql`${staffUser.roles} @> array['coordinator']::text[] and ${staffUser.disabledAt} is null`);
  for (const coordinator of coordinators) {
    await tx.insert(notification).values({
      id: randomUUID(),
      organizationId: viewer.organizationId,
      recipientUserId: coordinator.id,
      kind: 'repeated_denials',
      payload: { userId: viewer.userId, count: DENIAL_ALERT_THRESHOLD, windowMinutes: DENIAL_WINDOW_MINUTES },
    });
  }
}

/** Allows the action or records the refusal and throws 403. */
export async function authorize(
  db: TenantDb,
  viewer: Viewer,
  action: Action & AuditAction,
  target: AttemptTarget = {},
): Promise<void> {
  if (can(viewer, action)) return;
  await recordDenial(db, viewer, action, target);
  throw forbidden();
}
