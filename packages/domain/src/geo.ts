/**
 * Risk areas on a map (DOMAIN.md "Risk areas"): is an address inside an area, or near one?
 * Areas are simple polygons of [longitude, latitude] points (GeoJSON order) within a city, so a
 * local flat projection around the point is accurate to well under a metre at these distances.
 */

/** [longitude, latitude] in degrees, as in GeoJSON. */
export type LngLat = readonly [number, number];
/** A ring of at least three distinct points; the closing point may be repeated or not. */
export type Polygon = readonly LngLat[];

export function isValidCoordinate([lng, lat]: LngLat): boolean {
  return Number.isFinite(lng) && Number.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
}

/** The ring without a repeated closing point. */
function ring(polygon: Polygon): LngLat[] {
  const points = [...polygon];
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  return points;
}

const EPSILON = 1e-12;

function cross(o: LngLat, a: LngLat, b: LngLat): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function onSegment(p: LngLat, a: LngLat, b: LngLat): boolean {
  return (
    Math.abs(cross(a, b, p)) <= EPSILON &&
    p[0] >= Math.min(a[0], b[0]) - EPSILON &&
    p[0] <= Math.max(a[0], b[0]) + EPSILON &&
    p[1] >= Math.min(a[1], b[1]) - EPSILON &&
    p[1] <= Math.max(a[1], b[1]) + EPSILON
  );
}

function edges(polygon: Polygon): [LngLat, LngLat][] {
  const points = ring(polygon);
  return points.map((point, i) => [point, points[(i + 1) % points.length] as LngLat]);
}

/** Inside, or on the boundary (a point on an area's edge is in the area: safety errs that way). */
export function pointInPolygon(point: LngLat, polygon: Polygon): boolean {
  let inside = false;
  for (const [a, b] of edges(polygon)) {
    if (onSegment(point, a, b)) return true;
    const crosses = a[1] > point[1] !== b[1] > point[1];
    if (crosses && point[0] < ((b[0] - a[0]) * (point[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

function segmentsIntersect(a: LngLat, b: LngLat, c: LngLat, d: LngLat): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (
    ((d1 > EPSILON && d2 < -EPSILON) || (d1 < -EPSILON && d2 > EPSILON)) &&
    ((d3 > EPSILON && d4 < -EPSILON) || (d3 < -EPSILON && d4 > EPSILON))
  ) {
    return true;
  }
  return onSegment(a, c, d) || onSegment(b, c, d) || onSegment(c, a, b) || onSegment(d, a, b);
}

export type PolygonProblem = 'too_few_points' | 'invalid_coordinate' | 'self_intersecting';

/** Why a drawn area cannot be kept, or null when it is a simple polygon. */
export function polygonProblem(polygon: Polygon): PolygonProblem | null {
  const points = ring(polygon);
  if (!points.every(isValidCoordinate)) return 'invalid_coordinate';
  const distinct = new Set(points.map(([lng, lat]) => `${lng},${lat}`));
  if (points.length < 3 || distinct.size !== points.length) return 'too_few_points';
  const sides = edges(polygon);
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === sides.length - 1);
      if (adjacent) continue;
      const [a, b] = sides[i] as [LngLat, LngLat];
      const [c, d] = sides[j] as [LngLat, LngLat];
      if (segmentsIntersect(a, b, c, d)) return 'self_intersecting';
    }
  }
  return null;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Metres from the point to the area: 0 inside or on its edge. */
export function distanceToPolygonMeters(point: LngLat, polygon: Polygon): number {
  if (pointInPolygon(point, polygon)) return 0;
  const toRad = Math.PI / 180;
  const scaleX = Math.cos(point[1] * toRad) * EARTH_RADIUS_M * toRad;
  const scaleY = EARTH_RADIUS_M * toRad;
  const project = ([lng, lat]: LngLat): [number, number] => [
    (lng - point[0]) * scaleX,
    (lat - point[1]) * scaleY,
  ];
  let best = Number.POSITIVE_INFINITY;
  for (const [a, b] of edges(polygon)) {
    const [ax, ay] = project(a);
    const [bx, by] = project(b);
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/** An address is flagged when inside an area or within `marginMeters` of one. */
export function isNearArea(point: LngLat, polygon: Polygon, marginMeters: number): boolean {
  return distanceToPolygonMeters(point, polygon) <= marginMeters;
}
