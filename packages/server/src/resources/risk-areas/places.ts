/**
 * Places recorded for her — home, training venue, workplace — with their coordinates, checked
 * against the organization's risk areas (DOMAIN.md "Risk areas"). Recording one is a change in
 * her life that invalidates her risk assessment: the place publishes its case event
 * (`residence_changed` or `venue_changed`) and, when it lies in or near an area, also
 * `risk_area_nearby`; the safety subscriber does the rest (stale, level, reassessment task).
 * Addresses identify her: only viewers who see her identity in full get the label and point.
 */
import { randomUUID } from 'node:crypto';
import type { TPlace, TPlaceRequest } from '@cope/contracts';
import { type LngLat, type PlaceKind, placeTrigger } from '@cope/domain';
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { staffUser } from '../../db/schema.js';
import { casePlace, riskArea } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { type EventContext, publishCaseEvent } from '../../events/case-events.js';
import type { Keyring } from '../../security/keyring.js';
import { erasedError } from '../intake/case-context.js';
import { type AreaShape, hitsOf, marginDegrees, storedHits } from './hits.js';
import { lockRiskAreas, nearAreaMetersOf, openPlace, sealPlace } from './place-content.js';

/** Active areas whose widened bounding box holds the point: the only ones worth an exact test. */
async function areasAround(tx: Tx, point: LngLat, nearMeters: number): Promise<AreaShape[]> {
  const [lng, lat] = point;
  const { dLng, dLat } = marginDegrees(lat, nearMeters);
  const rows = await tx
    .select({
      id: riskArea.id,
      polygon: riskArea.polygon,
      minLng: riskArea.minLng,
      minLat: riskArea.minLat,
      maxLng: riskArea.maxLng,
      maxLat: riskArea.maxLat,
    })
    .from(riskArea)
    .where(
      and(
        isNull(riskArea.archivedAt),
        lte(riskArea.minLng, lng + dLng),
        gte(riskArea.maxLng, lng - dLng),
        lte(riskArea.minLat, lat + dLat),
        gte(riskArea.maxLat, lat - dLat),
      ),
    );
  return rows.map((row) => ({ ...row, polygon: row.polygon as LngLat[] }));
}

const placeColumns = {
  id: casePlace.id,
  kind: casePlace.kind,
  placeEnc: casePlace.placeEnc,
  areaHits: casePlace.areaHits,
  createdAt: casePlace.createdAt,
  endedAt: casePlace.endedAt,
  recordedById: casePlace.recordedByUserId,
  recordedByName: staffUser.displayName,
};

function selectPlaces(tx: Tx) {
  return tx
    .select(placeColumns)
    .from(casePlace)
    .innerJoin(staffUser, eq(staffUser.id, casePlace.recordedByUserId));
}
type PlaceRow = Awaited<ReturnType<typeof selectPlaces>>[number];

/** Labels of the areas named in these places' hits (null for an area archived since). */
async function areaLabels(tx: Tx, rows: readonly PlaceRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => storedHits(row.areaHits).map((hit) => hit.areaId)))];
  if (ids.length === 0) return new Map();
  const areas = await tx
    .select({ id: riskArea.id, label: riskArea.label })
    .from(riskArea)
    .where(and(inArray(riskArea.id, ids), isNull(riskArea.archivedAt)));
  return new Map(areas.map((area) => [area.id, area.label]));
}

async function present(
  tx: Tx,
  keyring: Keyring,
  rows: readonly PlaceRow[],
  dataKey: Buffer | null,
): Promise<TPlace[]> {
  const labels = await areaLabels(tx, rows);
  return rows.map((row) => {
    const content = dataKey ? openPlace(keyring, dataKey, row.id, row.placeEnc) : null;
    return {
      id: row.id,
      kind: row.kind,
      label: content?.label ?? null,
      point: content ? [content.lng, content.lat] : null,
      areaHits: storedHits(row.areaHits).map((hit) => ({ ...hit, label: labels.get(hit.areaId) ?? null })),
      recordedBy: { id: row.recordedById, displayName: row.recordedByName },
      createdAt: row.createdAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
    };
  });
}

/**
 * Her places, current ones first. With `withAddresses`, labels and points are opened with her
 * key and the reading is audited; without, only kinds, flags and dates leave the server.
 */
export async function listPlaces(
  tx: Tx,
  keyring: Keyring,
  viewer: { organizationId: string; userId: string },
  participantId: string,
  withAddresses: boolean,
): Promise<TPlace[]> {
  const rows = await selectPlaces(tx)
    .where(eq(casePlace.participantId, participantId))
    .orderBy(sql`${casePlace.endedAt} is not null`, desc(casePlace.endedAt), asc(casePlace.createdAt));
  const dataKey =
    withAddresses && rows.length > 0
      ? await keyring.participantKey(tx, viewer.organizationId, participantId)
      : null;
  if (dataKey) {
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action: 'place.read',
      resourceType: 'participant',
      resourceId: participantId,
      section: 'safety',
    });
  }
  return present(tx, keyring, rows, dataKey);
}

/**
 * Records a place for her. A new home ends the previous one (she moved). The place is compared
 * with the areas at once, and its case events are published in the same transaction.
 */
export async function recordPlace(
  context: EventContext,
  participantId: string,
  input: TPlaceRequest,
): Promise<TPlace> {
  const { tx, keyring, viewer } = context;
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();
  await lockRiskAreas(tx, viewer.organizationId);
  const now = context.now ?? new Date();
  const point: LngLat = [input.point[0], input.point[1]];
  const nearMeters = await nearAreaMetersOf(tx, viewer.organizationId);
  const hits = hitsOf(point, await areasAround(tx, point, nearMeters), nearMeters);
  const id = randomUUID();
  if (input.kind === 'home') {
    await tx
      .update(casePlace)
      .set({ endedAt: now })
      .where(
        and(
          eq(casePlace.participantId, participantId),
          eq(casePlace.kind, 'home'),
          isNull(casePlace.endedAt),
        ),
      );
  }
  await tx.insert(casePlace).values({
    id,
    organizationId: viewer.organizationId,
    participantId,
    kind: input.kind,
    placeEnc: sealPlace(keyring, dataKey, id, { label: input.label, lng: point[0], lat: point[1] }),
    areaHits: hits,
    recordedByUserId: viewer.userId,
    createdAt: now,
  });
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'place.recorded',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'safety',
    reason: input.kind,
  });
  await publishCaseEvent(context, {
    kind: placeTrigger(input.kind as PlaceKind),
    participantId,
    detail: { placeId: id },
  });
  if (hits.length > 0) {
    await publishCaseEvent(context, { kind: 'risk_area_nearby', participantId, detail: { placeId: id } });
  }
  const [row] = await selectPlaces(tx).where(eq(casePlace.id, id));
  if (!row) throw new Error('the place just recorded was not found');
  const [place] = await present(tx, keyring, [row], dataKey);
  if (!place) throw new Error('the place just recorded could not be shown');
  return place;
}

/** She left a place: it moves to the history and flags her case no more. */
export async function endPlace(
  context: EventContext,
  participantId: string,
  placeId: string,
): Promise<'ended' | 'missing' | 'already_ended'> {
  const { tx, viewer } = context;
  const [current] = await tx
    .select({ endedAt: casePlace.endedAt })
    .from(casePlace)
    .where(and(eq(casePlace.id, placeId), eq(casePlace.participantId, participantId)))
    .for('update');
  if (!current) return 'missing';
  if (current.endedAt) return 'already_ended';
  await tx
    .update(casePlace)
    .set({ endedAt: context.now ?? new Date() })
    .where(eq(casePlace.id, placeId));
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'place.ended',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'safety',
  });
  return 'ended';
}
