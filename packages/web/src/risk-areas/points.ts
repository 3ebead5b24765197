/**
 * The outline of an area typed as text, one point per line: "latitude, longitude" — the order
 * map apps copy and the place form asks for (points are kept as [longitude, latitude] inside,
 * as GeoJSON does). Decimal commas work when the two numbers are separated by a semicolon
 * ("40,4168; -3,7038"). Clicking on the map adds lines in the same form, so the text box is both
 * the keyboard way in and a readable list of what was clicked.
 */
import { isValidCoordinate } from '@cope/domain';

export type Point = [number, number];

export interface ParsedPoints {
  points: Point[];
  /** 1-based numbers of the lines that are not a point on the map. */
  badLines: number[];
}

function parseLine(line: string): Point | null {
  const parts = line.includes(';')
    ? line.split(';').map((part) => part.replace(',', '.'))
    : line.split(/[\s,]+/).filter(Boolean);
  if (parts.length !== 2) return null;
  const [lat, lng] = parts.map((part) => Number(part.trim().replace('−', '-')));
  if (lng === undefined || lat === undefined) return null;
  const point: Point = [lng, lat];
  return isValidCoordinate(point) && parts.every((part) => part.trim() !== '') ? point : null;
}

export function parsePoints(text: string): ParsedPoints {
  const points: Point[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const point = parseLine(line);
    if (point) points.push(point);
    else badLines.push(index + 1);
  });
  return { points, badLines };
}

const round = (value: number) => Number(value.toFixed(6));

export function formatPoint([lng, lat]: Point): string {
  return `${round(lat)}, ${round(lng)}`;
}

export function formatPoints(points: readonly Point[]): string {
  return points.map(formatPoint).join('\n');
}

/** The text with one more point at the end. */
export function appendPoint(text: string, point: Point): string {
  const trimmed = text.replace(/\s+$/, '');
  return trimmed ? `${trimmed}\n${formatPoint(point)}` : formatPoint(point);
}

/** The text without its last non-empty line. */
export function dropLastPoint(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  lines.pop();
  return lines.join('\n');
}
