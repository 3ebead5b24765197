import { describe, expect, it } from 'vitest';
import { BASIC_NEED_SPHERE, BASIC_NEED_SPHERES, BASIC_NEEDS, isSphere, SPHERES } from './spheres.js';

describe('the fourteen spheres', () => {
  it('are fourteen distinct snake_case codes, housing first and family last', () => {
    expect(SPHERES).toHaveLength(14);
    expect(new Set(SPHERES).size).toBe(14);
    for (const sphere of SPHERES) expect(sphere).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(SPHERES[0]).toBe('housing');
    expect(SPHERES[13]).toBe('family');
  });

  it('recognises only its own codes', () => {
    for (const sphere of SPHERES) expect(isSphere(sphere)).toBe(true);
    for (const value of ['Housing', 'food', '', 3, null, undefined]) expect(isSphere(value)).toBe(false);
  });

  it('places every basic need in at least one sphere, and lists exactly those spheres', () => {
    for (const need of BASIC_NEEDS) expect(BASIC_NEED_SPHERE[need].length).toBeGreaterThan(0);
    const expected = new Set(BASIC_NEEDS.flatMap((need) => BASIC_NEED_SPHERE[need]));
    expect(new Set(BASIC_NEED_SPHERES)).toEqual(expected);
    expect(BASIC_NEED_SPHERES).toEqual(['housing', 'economic', 'physical_health', 'mental_health']);
  });
});
