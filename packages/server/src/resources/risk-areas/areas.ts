/**
 * The organization's risk areas (DOMAIN.md "Risk areas"): coordinators draw them, everyone who
 * works on cases sees them. An area is never deleted, only archived, so the places it once
 * flagged keep an explainable history in the audit trail. Row-level security keeps each
 * organization's areas to itself: another organization's area is simply not found.
 */
import { randomUUID } from 'node:crypto';
import type { TRiskArea, TRiskAreaRequest } from '@cope/contracts';
import type { LngLat, RiskAreaCategory } from '@cope/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { staffUser } from '../../db/schema.js';
import { riskArea } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import type { EventContext } from '../../events/case-events.js';
import { boundsOf } from './hits.js';
import { lockRiskAreas, nearAreaMetersOf } from './place-content.js';
import { dropAreaFromHits, recheckOpenPlaces } from './recheck.js';

const columns = {
  id: riskArea.id,
  label: riskArea.label,
  category: riskArea.category,
  polygon: riskArea.polygon,
  createdAt: riskArea.createdAt,
  updatedAt: riskArea.updatedAt,
  createdById: riskArea.createdByUserId,
  createdByName: staffUser.displayName,
};

function selectAreas(tx: Tx) {
  return tx.select(columns).from(riskArea).innerJoin(staffUser, eq(staffUser.id, riskArea.createdByUserId));
}
type AreaRow = Awaited<ReturnType<typeof selectAreas>>[number];

function present(row: AreaRow): TRiskArea {
  return {
    id: row.id,
    label: row.label,
    category: row.category as RiskAreaCategory,
    polygon: row.polygon as [number, number][],
    createdBy: { id: row.createdById, displayName: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Areas in force (not archived), oldest first so the list does not jump as areas are added. */
export async function listAreas(tx: Tx): Promise<TRiskArea[]> {
  const rows = await selectAreas(tx).where(isNull(riskArea.archivedAt)).orderBy(asc(riskArea.createdAt));
  return rows.map(present);
}

async function activeArea(tx: Tx, areaId: string): Promise<TRiskArea | null> {
  const [row] = await selectAreas(tx).where(and(eq(riskArea.id, areaId), isNull(riskArea.archivedAt)));
  return row ? present(row) : null;
}

/** The ring as stored: without a repeated closing point. */
function ringOf(polygon: TRiskAreaRequest['polygon']): [number, number][] {
  const points = polygon.map(([lng, lat]) => [lng, lat] as [number, number]);
  const first = points[0];
  const last = points.at(-1);
  if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  return points;
}

const sameRing = (a: readonly LngLat[], b: readonly LngLat[]) =>
  a.length === b.length && a.every(([lng, lat], i) => b[i]?.[0] === lng && b[i]?.[1] === lat);

/**
 * Creates an area (areaId null) or changes one. A new or redrawn outline is compared at once with
 * the places where women live and work now. Returns null when the area does not exist (another
 * organization's, or archived).
 */
export async function saveArea(
  context: EventContext,
  areaId: string | null,
  input: TRiskAreaRequest,
): Promise<{ area: TRiskArea; newlyFlagged: number } | null> {
  const { tx, viewer } = context;
  await lockRiskAreas(tx, viewer.organizationId);
  const polygon = ringOf(input.polygon);
  const bounds = boundsOf(polygon);
  const now = context.now ?? new Date();
  let id = areaId;
  let outlineChanged = true;
  if (id === null) {
    id = randomUUID();
    await tx.insert(riskArea).values({
      id,
      organizationId: viewer.organizationId,
      label: input.label,
      category: input.category,
      polygon,
      ...bounds,
      createdByUserId: viewer.userId,
      createdAt: now,
      updatedAt: now,
    });
  } else {
    const current = await activeArea(tx, id);
    if (!current) return null;
    outlineChanged = !sameRing(current.polygon, polygon);
    await tx
      .update(riskArea)
      .set({ label: input.label, category: input.category, polygon, ...bounds, updatedAt: now })
      .where(eq(riskArea.id, id));
  }
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'risk_area.saved',
    resourceType: 'risk_area',
    resourceId: id,
    reason: areaId === null ? 'created' : outlineChanged ? 'outline_changed' : 'details_changed',
  });
  const newlyFlagged = outlineChanged
    ? await recheckOpenPlaces(
        context,
        { id, polygon, ...bounds },
        await nearAreaMetersOf(tx, viewer.organizationId),
      )
    : 0;
  const area = await activeArea(tx, id);
  return area ? { area, newlyFlagged } : null;
}

/** Archives an area: it leaves the map and flags no one any more. False when not found. */
export async function archiveArea(context: EventContext, areaId: string): Promise<boolean> {
  const { tx, viewer } = context;
  await lockRiskAreas(tx, viewer.organizationId);
  const archived = await tx
    .update(riskArea)
    .set({ archivedAt: context.now ?? new Date() })
    .where(and(eq(riskArea.id, areaId), isNull(riskArea.archivedAt)))
    .returning({ id: riskArea.id });
  if (archived.length === 0) return false;
  await dropAreaFromHits(tx, areaId);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'risk_area.archived',
    resourceType: 'risk_area',
    resourceId: areaId,
  });
  return true;
}
