/**
 * When a coordinator draws an area or changes its outline, the places where women live and work
 * now are compared with it again: a place that newly falls in or near it is flagged and her case
 * gets a reassessment (the `risk_area_nearby` event; the coordinator is the one who caused it).
 *
 * Scale: coordinates are sealed with each woman's key, so the database cannot pre-select places
 * by position. One query reads every open place of the organization with its participant's
 * wrapped key; each key is unwrapped once per case and each place opened in memory (AES-GCM,
 * microseconds each), then compared with the area's widened bounding box before any exact test.
 * Only places whose hits change are written, each with one atomic jsonb update. A few thousand
 * open places cost a single read and milliseconds of work inside the coordinator's transaction.
 */
import { eq, isNull, sql } from 'drizzle-orm';
import { participantKey } from '../../db/schema.js';
import { casePlace } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { type EventContext, publishCaseEvent } from '../../events/case-events.js';
import { type AreaHit, type AreaShape, hitOf, storedHits } from './hits.js';
import { openPlace, pointOf } from './place-content.js';

/** A place's hits without those of one area, computed by the database on the row it updates. */
const hitsWithout = (areaId: string) =>
  sql`(select coalesce(jsonb_agg(h), '[]'::jsonb) from jsonb_array_elements(${casePlace.areaHits}) h where h->>'areaId' <> ${areaId})`;

/** Replaces (or removes, with `hit` null) one area's entry in a place's hits, atomically. */
async function setAreaHit(tx: Tx, placeId: string, areaId: string, hit: AreaHit | null) {
  const others = hitsWithout(areaId);
  await tx
    .update(casePlace)
    .set({ areaHits: hit ? sql`${others} || ${JSON.stringify([hit])}::jsonb` : others })
    .where(eq(casePlace.id, placeId));
}

const sameHit = (a: AreaHit | undefined, b: AreaHit | null) =>
  (a === undefined && b === null) ||
  (a !== undefined && b !== null && a.inside === b.inside && a.distanceMeters === b.distanceMeters);

/**
 * Compares every open place of the organization with one area (new or redrawn). Returns how many
 * places newly fall in or near it; each of those has published `risk_area_nearby` for her case.
 */
export async function recheckOpenPlaces(
  context: EventContext,
  area: AreaShape,
  nearMeters: number,
): Promise<number> {
  const { tx, keyring, viewer } = context;
  const rows = await tx
    .select({
      id: casePlace.id,
      participantId: casePlace.participantId,
      placeEnc: casePlace.placeEnc,
      areaHits: casePlace.areaHits,
      keyVersion: participantKey.organizationKeyVersion,
      wrappedKey: participantKey.wrappedKey,
    })
    .from(casePlace)
    .leftJoin(participantKey, eq(participantKey.participantId, casePlace.participantId))
    .where(isNull(casePlace.endedAt));

  const keys = new Map<string, Buffer | null>();
  const newlyHit: { participantId: string; placeId: string }[] = [];
  for (const row of rows) {
    // An erased case has no key any more: her places can never be read, nor flagged.
    if (!row.wrappedKey || row.keyVersion === null) continue;
    let dataKey = keys.get(row.participantId);
    if (dataKey === undefined) {
      dataKey = await keyring.unwrapParticipantKey(tx, viewer.organizationId, row.participantId, {
        organizationKeyVersion: row.keyVersion,
        wrappedKey: row.wrappedKey,
      });
      keys.set(row.participantId, dataKey);
    }
    if (!dataKey) continue;
    const hit = hitOf(pointOf(openPlace(keyring, dataKey, row.id, row.placeEnc)), area, nearMeters);
    const before = storedHits(row.areaHits).find((h) => h.areaId === area.id);
    if (sameHit(before, hit)) continue;
    await setAreaHit(tx, row.id, area.id, hit);
    if (hit && !before) newlyHit.push({ participantId: row.participantId, placeId: row.id });
  }
  for (const { participantId, placeId } of newlyHit) {
    await publishCaseEvent(context, {
      kind: 'risk_area_nearby',
      participantId,
      detail: { placeId, areaId: area.id },
    });
  }
  return newlyHit.length;
}

/** A removed area no longer flags anyone: it leaves the hits of every place. */
export async function dropAreaFromHits(tx: Tx, areaId: string): Promise<void> {
  await tx
    .update(casePlace)
    .set({ areaHits: hitsWithout(areaId) })
    .where(sql`${casePlace.areaHits} @> ${JSON.stringify([{ areaId }])}::jsonb`);
}
