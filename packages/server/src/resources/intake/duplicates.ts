/**
 * Possible duplicates at intake: the same normalised name with the same birth date, the same
 * phone or the same document number. The blind index narrows the organization to a few
 * candidates; each is confirmed by opening her sealed values. The answer names a duplicate (case
 * code and id) only to a viewer with full identity access to it; anyone else learns only that a
 * possible duplicate exists and should ask a coordinator.
 */

import { randomUUID } from 'node:crypto';
import type { TPossibleDuplicates } from '@cope/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { notification, participant, participantKey, staffUser } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import { type Keyring, normaliseForIndex } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { openIdentityColumns } from '../participants/records.js';
import { bucketMates, type IdentityProbe, type LookupKind, probeDigests, probeOf } from './lookups.js';
import { loadRecord } from './record-store.js';

/** Opens the indexed identity values of several participants (erased ones are left out). */
export async function openIdentities(
  tx: Tx,
  keyring: Keyring,
  organizationId: string,
  participantIds: string[],
): Promise<Map<string, { caseCode: string; probe: IdentityProbe }>> {
  const out = new Map<string, { caseCode: string; probe: IdentityProbe }>();
  if (participantIds.length === 0) return out;
  const rows = await tx.select().from(participant).where(inArray(participant.id, participantIds));
  const keys = await tx
    .select()
    .from(participantKey)
    .where(inArray(participantKey.participantId, participantIds));
  const keyOf = new Map(keys.map((k) => [k.participantId, k]));
  for (const row of rows) {
    const stored = keyOf.get(row.id);
    const dataKey = stored ? await keyring.unwrapParticipantKey(tx, organizationId, row.id, stored) : null;
    if (!dataKey || !row.preferredNameEnc) continue;
    const identity = openIdentityColumns(keyring, dataKey, row);
    const record = await loadRecord(tx, keyring, dataKey, row.id, 'identity', identity);
    out.set(row.id, { caseCode: row.caseCode, probe: probeOf(record.data) });
  }
  return out;
}

const same = (kind: 'name' | 'phone' | 'document', a: string, b: string) =>
  normaliseForIndex(kind, a) === normaliseForIndex(kind, b);

/** Which kinds of match hold once her values are compared with the probe's. */
export function confirmedMatches(probe: IdentityProbe, theirs: IdentityProbe): LookupKind[] {
  const kinds: LookupKind[] = [];
  if (
    probe.birthDate &&
    theirs.birthDate === probe.birthDate &&
    probe.names.some((name) => theirs.names.some((other) => same('name', name, other)))
  ) {
    kinds.push('name_birth');
  }
  if (probe.phones.some((phone) => theirs.phones.some((other) => same('phone', phone, other)))) {
    kinds.push('phone');
  }
  if (probe.documents.some((doc) => theirs.documents.some((other) => same('document', doc, other)))) {
    kinds.push('document');
  }
  return kinds;
}

export async function findDuplicates(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  probe: IdentityProbe,
): Promise<TPossibleDuplicates> {
  const digests = await probeDigests(tx, keyring, viewer.organizationId, probe);
  const mates = await bucketMates(tx, viewer.organizationId, digests, participantId);
  const opened = await openIdentities(tx, keyring, viewer.organizationId, [...mates.keys()]);
  const confirmed: { id: string; caseCode: string; matchedOn: LookupKind[] }[] = [];
  for (const [id, { caseCode, probe: theirs }] of opened) {
    const bucketKinds = mates.get(id) ?? new Set();
    const matchedOn = confirmedMatches(probe, theirs).filter((kind) => bucketKinds.has(kind));
    if (matchedOn.length > 0) confirmed.push({ id, caseCode, matchedOn });
  }
  if (confirmed.length === 0) return { visible: [], restricted: false };
  const facts = await loadCaseFacts(
    tx,
    viewer,
    confirmed.map((c) => c.id),
  );
  const visible = confirmed.filter((c) => {
    const f = facts.get(c.id);
    return f ? sectionLevel(viewer, viewer.sectionMatrix, f, 'identity') === 'full' : false;
  });
  const kinds = [...new Set(confirmed.flatMap((c) => c.matchedOn))].sort();
  // Codes only: the audit trail never holds what was matched, nor the other case's code.
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'intake.duplicate_flagged',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'identity',
    reason: `possible duplicate (${confirmed.length}) matched on: ${kinds.join(', ')}`,
  });
  const hidden = confirmed.filter((c) => !visible.includes(c));
  if (hidden.length > 0)
    await tellCoordinators(
      tx,
      viewer,
      participantId,
      hidden.map((c) => c.caseCode),
    );
  return {
    visible: visible.map(({ id, caseCode, matchedOn }) => ({ id, caseCode, matchedOn })),
    restricted: hidden.length > 0,
  };
}

/**
 * The person opening the case may not see the other case, so its coordinators are told (case
 * codes only), once per new case: they can see both and decide whether to merge or close one.
 */
async function tellCoordinators(tx: Tx, viewer: Viewer, participantId: string, otherCaseCodes: string[]) {
  const [already] = await tx
    .select({ id: notification.id })
    .from(notification)
    .where(
      and(
        eq(notification.kind, 'possible_duplicate'),
        sql`${notification.payload}->>'participantId' = ${participantId}`,
      ),
    )
    .limit(1);
  if (already) return;
  const [opened] = await tx
    .select({ caseCode: participant.caseCode })
    .from(participant)
    .where(eq(participant.id, participantId));
  const coordinators = await tx
    .select({ id: staffUser.id })
    .from(staffUser)
    .where(sql`${staffUser.roles} @> array['coordinator']::text[] and ${staffUser.disabledAt} is null`);
  for (const coordinator of coordinators) {
    if (coordinator.id === viewer.userId) continue;
    await tx.insert(notification).values({
      id: randomUUID(),
      organizationId: viewer.organizationId,
      recipientUserId: coordinator.id,
      kind: 'possible_duplicate',
      payload: { caseCode: opened?.caseCode ?? '', participantId, otherCaseCodes, byUserId: viewer.userId },
    });
  }
}
