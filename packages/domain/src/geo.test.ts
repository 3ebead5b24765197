import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distanceToPolygonMeters,
  isNearArea,
  isValidCoordinate,
  type LngLat,
  pointInPolygon,
  polygonProblem,
} from './geo.js';

// A synthetic city block grid around 2.0°E, 41.0°N (no real place is meant).
const square: LngLat[] = [
  [2.0, 41.0],
  [2.01, 41.0],
  [2.01, 41.01],
  [2.0, 41.01],
];
// A U shape: the notch between the arms (x 2.004–2.006, y above 41.004) is outside.
const concave: LngLat[] = [
  [2.0, 41.0],
  [2.01, 41.0],
  [2.01, 41.01],
  [2.006, 41.01],
  [2.006, 41.004],
  [2.004, 41.004],
  [2.004, 41.01],
  [2.0, 41.01],
];

describe('point in area', () => {
  it('finds points inside and outside a square, closed ring or not', () => {
    expect(pointInPolygon([2.005, 41.005], square)).toBe(true);
    expect(pointInPolygon([2.02, 41.005], square)).toBe(false);
    expect(pointInPolygon([2.005, 41.005], [...square, square[0] as LngLat])).toBe(true);
  });

  it('counts a point on an edge or a corner as inside', () => {
    expect(pointInPolygon([2.005, 41.0], square)).toBe(true);
    expect(pointInPolygon([2.01, 41.01], square)).toBe(true);
    expect(pointInPolygon([2.004, 41.007], concave)).toBe(true);
  });

  it('keeps the notch of a concave area outside, and its arms inside', () => {
    expect(pointInPolygon([2.005, 41.008], concave)).toBe(false);
    expect(pointInPolygon([2.002, 41.008], concave)).toBe(true);
    expect(pointInPolygon([2.008, 41.008], concave)).toBe(true);
    expect(pointInPolygon([2.005, 41.002], concave)).toBe(true);
  });

  it('answers for each of two areas that cross each other', () => {
    const shifted = square.map(([lng, lat]) => [lng + 0.005, lat + 0.005] as LngLat);
    const inBoth: LngLat = [2.007, 41.007];
    const onlyFirst: LngLat = [2.002, 41.002];
    expect([pointInPolygon(inBoth, square), pointInPolygon(inBoth, shifted)]).toEqual([true, true]);
    expect([pointInPolygon(onlyFirst, square), pointInPolygon(onlyFirst, shifted)]).toEqual([true, false]);
  });

  it('agrees with the bounding box for any point of a rectangle', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.99, max: 2.02, noNaN: true }),
        fc.double({ min: 40.99, max: 41.02, noNaN: true }),
        (lng, lat) => {
          // Points a rounding error away from an edge are covered by the boundary test above.
          const nearEdge = [lng - 2.0, lng - 2.01, lat - 41.0, lat - 41.01].some((d) => Math.abs(d) < 1e-9);
          fc.pre(!nearEdge);
          const inside = lng >= 2.0 && lng <= 2.01 && lat >= 41.0 && lat <= 41.01;
          expect(pointInPolygon([lng, lat], square)).toBe(inside);
        },
      ),
    );
  });
});

describe('drawn areas', () => {
  it('refuses a self-intersecting bow tie, too few points and impossible coordinates', () => {
    const bowTie: LngLat[] = [
      [2.0, 41.0],
      [2.01, 41.01],
      [2.01, 41.0],
      [2.0, 41.01],
    ];
    expect(polygonProblem(bowTie)).toBe('self_intersecting');
    expect(
      polygonProblem([
        [2.0, 41.0],
        [2.01, 41.0],
      ]),
    ).toBe('too_few_points');
    expect(
      polygonProblem([
        [2.0, 41.0],
        [2.01, 41.0],
        [2.0, 41.0],
        [2.01, 41.01],
      ]),
    ).toBe('too_few_points');
    expect(
      polygonProblem([
        [2.0, 41.0],
        [200, 41.0],
        [2.0, 41.01],
      ]),
    ).toBe('invalid_coordinate');
    expect(polygonProblem(square)).toBeNull();
    expect(polygonProblem(concave)).toBeNull();
    expect(isValidCoordinate([0, 91])).toBe(false);
    expect(isValidCoordinate([Number.NaN, 0])).toBe(false);
  });
});

describe('distance to an area', () => {
  it('is zero inside and about 111 m per thousandth of a degree of latitude outside', () => {
    expect(distanceToPolygonMeters([2.005, 41.005], square)).toBe(0);
    const north = distanceToPolygonMeters([2.005, 41.011], square);
    expect(north).toBeGreaterThan(105);
    expect(north).toBeLessThan(117);
    expect(isNearArea([2.005, 41.011], square, 150)).toBe(true);
    expect(isNearArea([2.005, 41.011], square, 50)).toBe(false);
  });

  it('measures the notch of a concave area to its nearest arm', () => {
    const inNotch = distanceToPolygonMeters([2.005, 41.008], concave);
    // 0.001° of longitude at 41°N is about 84 m.
    expect(inNotch).toBeGreaterThan(78);
    expect(inNotch).toBeLessThan(90);
  });
});
