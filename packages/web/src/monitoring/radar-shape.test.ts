import { describe, expect, it } from 'vitest';
import { ratedRuns } from './radar-shape';

const point = (value: number | null, x = 0) => ({ x, y: 0, value });
const values = (runs: { value: number | null }[][]) => runs.map((run) => run.map((item) => item.value));

describe('the outline of a series on her star chart', () => {
  it('is one closed run when every sphere has a step', () => {
    expect(values(ratedRuns([point(1), point(2), point(3)]))).toEqual([[1, 2, 3]]);
  });

  it('leaves a sphere without a step out, never at the centre', () => {
    const runs = ratedRuns([point(3), point(4), point(null), point(2), point(5)]);
    // Around the star from the gap: 2, 5, then on past the first sphere to 3, 4.
    expect(values(runs)).toEqual([[2, 5, 3, 4]]);
  });

  it('splits into separate runs at every gap', () => {
    const runs = ratedRuns([point(null), point(1), point(2), point(null), point(4), point(null)]);
    expect(values(runs)).toEqual([[1, 2], [4]]);
  });

  it('draws nothing when no sphere has a step', () => {
    expect(ratedRuns([point(null), point(null)])).toEqual([]);
  });
});
