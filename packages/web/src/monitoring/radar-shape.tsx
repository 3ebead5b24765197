/**
 * The outline of one series on her star chart, drawn so that a sphere without a step stays
 * empty: recharts would put a missing value at the centre, where it reads as "crisis". A series
 * with every sphere rated is a closed, filled shape; one with a sphere missing is drawn as open
 * lines that stop at the gap (and a lone rated sphere between two gaps as a dot).
 */
import type { ReactElement } from 'react';

interface RadarPoint {
  x: number;
  y: number;
  value?: unknown;
}

interface RadarShapeProps {
  points?: RadarPoint[];
  stroke?: string;
  strokeWidth?: number | string;
  strokeDasharray?: string | number;
  strokeOpacity?: number | string;
  fill?: string;
  fillOpacity?: number | string;
}

const rated = (point: RadarPoint) => typeof point.value === 'number' && Number.isFinite(point.value);
const at = (point: RadarPoint) => `${point.x.toFixed(2)},${point.y.toFixed(2)}`;

/** Runs of rated spheres, each in order around the star, starting after a gap. */
export function ratedRuns<T extends RadarPoint>(points: readonly T[]): T[][] {
  const gap = points.findIndex((point) => !rated(point));
  if (gap === -1) return [[...points]];
  const runs: T[][] = [];
  let run: T[] = [];
  for (let offset = 1; offset <= points.length; offset++) {
    const point = points[(gap + offset) % points.length] as T;
    if (rated(point)) run.push(point);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export function GappedRadarShape(props: RadarShapeProps): ReactElement<SVGElement> {
  const points = props.points ?? [];
  const line = {
    stroke: props.stroke,
    strokeWidth: props.strokeWidth,
    strokeDasharray: props.strokeDasharray,
    strokeOpacity: props.strokeOpacity,
  };
  if (points.length > 0 && points.every(rated)) {
    return (
      <path
        className="recharts-polygon"
        d={`M${points.map(at).join('L')}Z`}
        fill={props.fill}
        fillOpacity={props.fillOpacity}
        {...line}
      />
    );
  }
  return (
    <g className="recharts-polygon">
      {ratedRuns(points).map((run) =>
        run.length === 1 ? (
          <circle
            key={at(run[0] as RadarPoint)}
            cx={(run[0] as RadarPoint).x}
            cy={(run[0] as RadarPoint).y}
            r={4}
            fill={props.stroke}
          />
        ) : (
          <path key={at(run[0] as RadarPoint)} d={`M${run.map(at).join('L')}`} fill="none" {...line} />
        ),
      )}
    </g>
  );
}
