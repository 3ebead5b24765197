/** Incident rows turned into what the viewer receives: sealed texts opened with her key. */
import type { TIncident } from '@cope/contracts';
import { INCIDENT_KINDS, type IncidentKind } from '@cope/domain';
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { staffUser } from '../../db/schema.js';
import { incident } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';

/** Where her sealed incident texts live (bound into each ciphertext as associated data). */
export const descriptionRef = (incidentId: string) => ({
  table: 'incident',
  column: 'description',
  recordId: incidentId,
});
export const actionsRef = (incidentId: string) => ({
  table: 'incident',
  column: 'actions',
  recordId: incidentId,
});

const recorder = alias(staffUser, 'recorder');
const follower = alias(staffUser, 'follower');

/** Her incidents, newest first; or one of them. */
export function incidentRows(tx: Tx, participantId: string, incidentId?: string) {
  return tx
    .select({ incident, recordedByName: recorder.displayName, followUpByName: follower.displayName })
    .from(incident)
    .innerJoin(recorder, eq(recorder.id, incident.recordedByUserId))
    .leftJoin(follower, eq(follower.id, incident.followUpByUserId))
    .where(
      incidentId
        ? and(eq(incident.participantId, participantId), eq(incident.id, incidentId))
        : eq(incident.participantId, participantId),
    )
    .orderBy(desc(incident.occurredOn), desc(incident.createdAt));
}
export type IncidentRow = Awaited<ReturnType<typeof incidentRows>>[number];

const kindOf = (value: string): IncidentKind =>
  (INCIDENT_KINDS as readonly string[]).includes(value) ? (value as IncidentKind) : 'other';

/** `dataKey` is null once her data was erased: the texts then read as null. */
export function presentIncident(row: IncidentRow, keyring: Keyring, dataKey: Buffer | null): TIncident {
  const { incident: item } = row;
  const open = (ref: ReturnType<typeof descriptionRef>, sealed: string | null) =>
    dataKey ? (sealed ? keyring.openWithKey(dataKey, ref, sealed) : '') : null;
  return {
    id: item.id,
    kind: kindOf(item.kind),
    occurredOn: item.occurredOn,
    description: open(descriptionRef(item.id), item.descriptionEnc),
    actionsTaken: open(actionsRef(item.id), item.actionsEnc),
    recordedBy: { id: item.recordedByUserId, displayName: row.recordedByName },
    createdAt: item.createdAt.toISOString(),
    followUpDoneAt: item.followUpDoneAt?.toISOString() ?? null,
    followUpBy:
      item.followUpByUserId && row.followUpByName
        ? { id: item.followUpByUserId, displayName: row.followUpByName }
        : null,
  };
}
