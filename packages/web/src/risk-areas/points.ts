/**
 * The outline of an area typed as text, one point per line: "longitude, latitude" (the order
 * the map and GeoJSON use). Decimal commas work when the two numbers are separated by a
 * semicolon ("-3,7038; 40,4168"). Clicking on the map adds lines in the same form, so the text
 * box is both the keyboard way in and a readable list of what was clicked.
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
  const [lng, lat] = parts.map((part) => Number(part.trim().replace('−', '-')));
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
  return `${round(lng)}, ${round(lat)}`;
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
