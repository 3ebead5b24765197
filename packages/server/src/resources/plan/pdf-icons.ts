/**
 * The icons of her printed plan, drawn as vectors from the Tabler icon set the staff app shows
 * (web/src/itinerary/spheres.tsx): the same picture for the same sphere on screen and on paper,
 * sharp at any size. Tabler icons are strokes on a 24×24 grid.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Sphere, StepStatus } from '@cope/domain';
import type { Pdf } from '../../pdf/document.js';

/** The staff app's icon per sphere (IconHome → "home"…). */
export const SPHERE_ICON_NAME: Record<Sphere, string> = {
  housing: 'home',
  legal_status: 'id',
  employment: 'briefcase',
  education: 'book',
  safety: 'shield-check',
  social_environment: 'map-pin',
  social_relations: 'users',
  economic: 'coin',
  physical_health: 'heartbeat',
  mental_health: 'brain',
  access_to_services: 'building-community',
  motivation: 'sparkles',
  legal_proceedings: 'gavel',
  family: 'baby-carriage',
};

/** Where a step stands, as a picture next to its word. */
export const STATUS_ICON_NAME: Record<StepStatus, string> = {
  planned: 'circle',
  in_progress: 'progress',
  done: 'circle-check',
  dropped: 'circle-x',
};

export const OTHER_ICON_NAME = { victories: 'star', signed: 'signature', witnessed: 'heart-handshake' };

type Attrs = Record<string, string>;
type IconNode = [string, Attrs];

const WANTED = new Set([
  ...Object.values(SPHERE_ICON_NAME),
  ...Object.values(STATUS_ICON_NAME),
  ...Object.values(OTHER_ICON_NAME),
]);

let icons: Map<string, IconNode[]> | undefined;

/** The icon set is large (2 MB): read once, keep only the icons the plan prints. */
function iconNodes(name: string): IconNode[] {
  if (!icons) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@tabler/icons/tabler-nodes-outline.json');
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, IconNode[]>;
    icons = new Map([...WANTED].map((wanted) => [wanted, all[wanted] ?? []]));
  }
  const nodes = icons.get(name);
  if (!nodes || nodes.length === 0) throw new Error(`the icon "${name}" is not in the Tabler set`);
  return nodes;
}

const num = (attrs: Attrs, key: string) => Number(attrs[key] ?? 0);

/** One SVG element of an icon as a path outline. */
function outline(doc: Pdf, [tag, attrs]: IconNode): void {
  switch (tag) {
    case 'path':
      doc.path(attrs.d ?? '');
      return;
    case 'circle':
      doc.circle(num(attrs, 'cx'), num(attrs, 'cy'), num(attrs, 'r'));
      return;
    case 'ellipse':
      doc.ellipse(num(attrs, 'cx'), num(attrs, 'cy'), num(attrs, 'rx'), num(attrs, 'ry'));
      return;
    case 'line':
      doc.moveTo(num(attrs, 'x1'), num(attrs, 'y1')).lineTo(num(attrs, 'x2'), num(attrs, 'y2'));
      return;
    case 'rect': {
      const [x, y, w, h, r] = ['x', 'y', 'width', 'height', 'rx'].map((key) => num(attrs, key)) as number[];
      if (r) doc.roundedRect(x ?? 0, y ?? 0, w ?? 0, h ?? 0, r);
      else doc.rect(x ?? 0, y ?? 0, w ?? 0, h ?? 0);
      return;
    }
    case 'polyline':
    case 'polygon': {
      const points = (attrs.points ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      for (let i = 0; i + 1 < points.length; i += 2) {
        if (i === 0) doc.moveTo(points[i] ?? 0, points[i + 1] ?? 0);
        else doc.lineTo(points[i] ?? 0, points[i + 1] ?? 0);
      }
      if (tag === 'polygon') doc.closePath();
      return;
    }
    default:
      throw new Error(`the icon element <${tag}> cannot be drawn`);
  }
}

/** Draws a Tabler icon with its top-left corner at (x, y), `size` points wide and high. */
export function drawIcon(
  doc: Pdf,
  name: string,
  at: { x: number; y: number; size: number },
  style: { color?: string; weight?: number } = {},
): void {
  const nodes = iconNodes(name);
  doc.save();
  doc.translate(at.x, at.y).scale(at.size / 24);
  doc
    .lineWidth(style.weight ?? 2)
    .lineCap('round')
    .lineJoin('round')
    .strokeColor(style.color ?? '#1f2937');
  for (const node of nodes) {
    outline(doc, node);
    doc.stroke();
  }
  doc.restore();
}
