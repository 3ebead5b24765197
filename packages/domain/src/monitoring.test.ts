import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attentionSpheres,
  type Ratings,
  REVIEW_MONTHS_DEFAULT,
  REVIEW_MONTHS_MAX,
  REVIEW_MONTHS_MIN,
  ratingGaps,
  reviewDueOn,
  unratedSpheres,
} from './monitoring.js';
import { SCALE_STEPS, type ScaleStep } from './monitoring-scale.js';
import { SPHERES, type Sphere } from './spheres.js';

/** Every sphere rated with the same step, except those given. */
function all(step: ScaleStep, given: Partial<Record<Sphere, ScaleStep | null>> = {}): Ratings {
  return Object.fromEntries(
    SPHERES.map((sphere) => [sphere, { step: given[sphere] === undefined ? step : given[sphere] }]),
  ) as Ratings;
}

describe('unratedSpheres', () => {
  it('lists every sphere of an empty rating, in the spheres order', () => {
    expect(unratedSpheres({})).toEqual([...SPHERES]);
  });

  it('counts a sphere left out or with step null as not rated', () => {
    const ratings = all(3, { education: null });
    delete ratings.family;
    expect(unratedSpheres(ratings)).toEqual(['education', 'family']);
  });

  it('finds nothing missing once every sphere has a step', () => {
    expect(unratedSpheres(all(1))).toEqual([]);
  });
});

describe('ratingGaps', () => {
  it('reports spheres two or more steps apart, largest gap first', () => {
    const professional = all(3, { housing: 1, mental_health: 5, economic: 2 });
    const self = all(3, { housing: 3, mental_health: 1, economic: 3 });
    expect(ratingGaps(professional, self)).toEqual([
      { sphere: 'mental_health', professional: 5, self: 1, gap: 4 },
      { sphere: 'housing', professional: 1, self: 3, gap: 2 },
    ]);
  });

  it('ignores a one-step difference and spheres only one view rated', () => {
    expect(ratingGaps(all(3, { education: 4 }), all(3))).toEqual([]);
    expect(ratingGaps(all(1), { housing: { step: 5 } })).toHaveLength(1);
    expect(ratingGaps({ housing: { step: 1 } }, { family: { step: 5 } })).toEqual([]);
    expect(ratingGaps(all(1), {})).toEqual([]);
  });

  it('is symmetric: neither view wins', () => {
    const step = fc.constantFrom(...SCALE_STEPS);
    fc.assert(
      fc.property(step, step, (a, b) => {
        const forth = ratingGaps({ legal_status: { step: a } }, { legal_status: { step: b } });
        const back = ratingGaps({ legal_status: { step: b } }, { legal_status: { step: a } });
        expect(forth.map((g) => g.gap)).toEqual(back.map((g) => g.gap));
        expect(forth.length).toBe(Math.abs(a - b) >= 2 ? 1 : 0);
      }),
    );
  });
});

describe('attentionSpheres', () => {
  it('flags a sphere rated crisis or vulnerable by either view', () => {
    const professional = all(4, { housing: 1, employment: 2 });
    const self = all(4, { family: 2, employment: 3 });
    expect(attentionSpheres(professional, self)).toEqual(['housing', 'employment', 'family']);
  });

  it('flags nothing when both views are stabilising or better', () => {
    expect(attentionSpheres(all(3), all(5))).toEqual([]);
  });

  it('works on the professional view alone when she chose not to rate', () => {
    expect(attentionSpheres(all(3, { safety: 1 }), {})).toEqual(['safety']);
  });
});

describe('reviewDueOn', () => {
  it('falls on the same day of the month, the given months later', () => {
    expect(reviewDueOn('2026-03-15', REVIEW_MONTHS_DEFAULT)).toBe('2026-06-15');
    expect(reviewDueOn('2026-10-15', 6)).toBe('2027-04-15');
  });

  it('clamps to the end of a shorter month', () => {
    expect(reviewDueOn('2027-01-31', 1)).toBe('2027-02-28');
    expect(reviewDueOn('2028-01-31', 1)).toBe('2028-02-29');
    expect(reviewDueOn('2026-11-30', 3)).toBe('2027-02-28');
    expect(reviewDueOn('2026-08-31', 1)).toBe('2026-09-30');
  });

  it('crosses the year for every allowed number of months', () => {
    expect(reviewDueOn('2026-12-01', REVIEW_MONTHS_MIN)).toBe('2027-01-01');
    expect(reviewDueOn('2026-12-31', REVIEW_MONTHS_MAX)).toBe('2027-12-31');
  });

  it('is always later than the round, by at most the months asked (day of month clamped)', () => {
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: REVIEW_MONTHS_MIN, max: REVIEW_MONTHS_MAX }), (date, months) => {
        const held = date.toISOString().slice(0, 10);
        const due = reviewDueOn(held, months);
        expect(due > held).toBe(true);
        const [y1, m1, d1] = held.split('-').map(Number) as [number, number, number];
        const [y2, m2, d2] = due.split('-').map(Number) as [number, number, number];
        expect((y2 - y1) * 12 + (m2 - m1)).toBe(months);
        expect(d2).toBeLessThanOrEqual(d1);
      }),
    );
  });
});
