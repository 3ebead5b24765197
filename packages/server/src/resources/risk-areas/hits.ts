/**
 * Which risk areas a place of hers falls in or near (DOMAIN.md "Risk areas"). The geometry is the
 * domain's (pointInPolygon, distanceToPolygonMeters); here only the bookkeeping: an area's
 * bounding box widened by the "near" distance decides whether the exact test is worth running.
 * What is kept about a hit: the area's id, inside or not, and the distance in whole metres —
 * never the place's coordinates.
 */
import { distanceToPolygonMeters, type LngLat, type Polygon, pointInPolygon } from '@cope/domain';

export interface AreaHit {
  areaId: string;
  inside: boolean;
  distanceMeters: number;
}

export interface Bounds {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface AreaShape extends Bounds {
  id: string;
  polygon: Polygon;
}

export function boundsOf(polygon: Polygon): Bounds {
  const lngs = polygon.map(([lng]) => lng);
  const lats = polygon.map(([, lat]) => lat);
  return {
    minLng: Math.min(...lngs),
    minLat: Math.min(...lats),
    maxLng: Math.max(...lngs),
    maxLat: Math.max(...lats),
  };
}

// Slightly fewer metres per degree than the Earth has: the widened box errs on the large side.
const METRES_PER_DEGREE = 110_000;

/** Degrees of latitude and longitude that cover at least `meters` around a latitude. */
export function marginDegrees(lat: number, meters: number): { dLng: number; dLat: number } {
  const dLat = meters / METRES_PER_DEGREE;
  const cos = Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  return { dLng: meters / (METRES_PER_DEGREE * cos), dLat };
}

/** Whether the point lies within `meters` of the area's bounding box (cheap pre-selection). */
export function nearBounds(point: LngLat, bounds: Bounds, meters: number): boolean {
  const { dLng, dLat } = marginDegrees(point[1], meters);
  return (
    point[0] >= bounds.minLng - dLng &&
    point[0] <= bounds.maxLng + dLng &&
    point[1] >= bounds.minLat - dLat &&
    point[1] <= bounds.maxLat + dLat
  );
}

/** The hit of one area, or null when the point is farther than `nearMeters` from it. */
export function hitOf(point: LngLat, area: AreaShape, nearMeters: number): AreaHit | null {
  if (!nearBounds(point, area, nearMeters)) return null;
  if (pointInPolygon(point, area.polygon)) return { areaId: area.id, inside: true, distanceMeters: 0 };
  const distance = distanceToPolygonMeters(point, area.polygon);
  if (distance > nearMeters) return null;
  return { areaId: area.id, inside: false, distanceMeters: Math.max(1, Math.round(distance)) };
}

/** Every area the point is in or near: inside first, then the nearest. */
export function hitsOf(point: LngLat, areas: readonly AreaShape[], nearMeters: number): AreaHit[] {
  return areas
    .map((area) => hitOf(point, area, nearMeters))
    .filter((hit): hit is AreaHit => hit !== null)
    .sort((a, b) => Number(b.inside) - Number(a.inside) || a.distanceMeters - b.distanceMeters);
}

/** Reads the stored list defensively: only well-formed entries count. */
export function storedHits(value: unknown): AreaHit[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (hit): hit is AreaHit =>
      typeof hit === 'object' &&
      hit !== null &&
      typeof (hit as AreaHit).areaId === 'string' &&
      typeof (hit as AreaHit).inside === 'boolean' &&
      typeof (hit as AreaHit).distanceMeters === 'number',
  );
}
