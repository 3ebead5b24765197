/**
 * Her incident log (DOMAIN.md "Risk assessment": a threat or incident, contact from traffickers).
 * Recording one publishes a case event — her last assessment becomes stale and a reassessment
 * falls due (events/case-events.ts, never re-implemented here) — and gives her reference
 * professional a follow-up for tomorrow. What happened and what was done are sealed with her
 * data key; the kind and the date stay in clear.
 */
import { randomUUID } from 'node:crypto';
import type { TIncident, TIncidentList, TIncidentRequest } from '@cope/contracts';
import { type IncidentKind, incidentTrigger } from '@cope/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant } from '../../db/schema.js';
import { task } from '../../db/schema-case.js';
import { incident } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { publishCaseEvent } from '../../events/case-events.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { erasedError } from '../intake/case-context.js';
import { createTask, isoDateIn, refreshNextDue } from '../tasks/create.js';
import { actionsRef, descriptionRef, incidentRows, presentIncident } from './presenter.js';

const audit = (
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  action: 'incident.read' | 'incident.recorded' | 'incident.followed_up',
  reason: string | null = null,
) =>
  recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action,
    resourceType: 'participant',
    resourceId: participantId,
    section: 'safety',
    reason,
  });

export async function listIncidents(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  canRecord: boolean,
): Promise<TIncidentList> {
  const rows = await incidentRows(tx, participantId);
  const dataKey =
    rows.length > 0 ? await keyring.participantKey(tx, viewer.organizationId, participantId) : null;
  await audit(tx, viewer, participantId, 'incident.read');
  return { items: rows.map((row) => presentIncident(row, keyring, dataKey)), canRecord };
}

export async function recordIncident(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  request: TIncidentRequest,
  now = new Date(),
): Promise<TIncident> {
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();
  const id = randomUUID();
  const kind: IncidentKind = request.kind;
  const actions = request.actionsTaken?.trim() ?? '';
  await tx.insert(incident).values({
    id,
    organizationId: viewer.organizationId,
    participantId,
    kind,
    occurredOn: request.occurredOn,
    descriptionEnc: keyring.sealWithKey(dataKey, descriptionRef(id), request.description.trim()),
    actionsEnc: actions ? keyring.sealWithKey(dataKey, actionsRef(id), actions) : null,
    recordedByUserId: viewer.userId,
    createdAt: now,
  });
  // Her last assessment no longer holds: the safety subscriber marks it stale and makes a
  // reassessment due today.
  await publishCaseEvent(
    { tx, keyring, viewer, now },
    { kind: incidentTrigger(kind), participantId, detail: { incidentId: id } },
  );
  const [row] = await tx
    .select({ referenceUserId: participant.referenceUserId })
    .from(participant)
    .where(eq(participant.id, participantId));
  await createTask(tx, {
    organizationId: viewer.organizationId,
    participantId,
    assigneeUserId: row?.referenceUserId ?? viewer.userId,
    kind: 'incident_follow_up',
    dueOn: isoDateIn(1, now),
    payload: { incidentId: id, section: 'safety' },
  });
  await audit(tx, viewer, participantId, 'incident.recorded', kind);
  return presentOne(tx, keyring, participantId, id, dataKey);
}

/** Marks the follow-up of one incident done and closes its follow-up task. */
export async function followUpIncident(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  incidentId: string,
  now = new Date(),
): Promise<TIncident> {
  const [row] = await tx
    .select({ followUpDoneAt: incident.followUpDoneAt })
    .from(incident)
    .where(and(eq(incident.participantId, participantId), eq(incident.id, incidentId)))
    .for('update');
  if (!row) throw notFound('This incident');
  if (row.followUpDoneAt) {
    throw new AppError('CONFLICT', 'This incident was already followed up; nothing was changed.');
  }
  await tx
    .update(incident)
    .set({ followUpDoneAt: now, followUpByUserId: viewer.userId })
    .where(eq(incident.id, incidentId));
  await tx
    .update(task)
    .set({ doneAt: now, doneByUserId: viewer.userId })
    .where(
      and(
        eq(task.participantId, participantId),
        eq(task.kind, 'incident_follow_up'),
        isNull(task.doneAt),
        sql`${task.payload}->>'incidentId' = ${incidentId}`,
      ),
    );
  await refreshNextDue(tx, participantId);
  await audit(tx, viewer, participantId, 'incident.followed_up');
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  return presentOne(tx, keyring, participantId, incidentId, dataKey);
}

async function presentOne(
  tx: Tx,
  keyring: Keyring,
  participantId: string,
  incidentId: string,
  dataKey: Buffer | null,
): Promise<TIncident> {
  const [row] = await incidentRows(tx, participantId, incidentId);
  if (!row) throw notFound('This incident');
  return presentIncident(row, keyring, dataKey);
}
