/**
 * How far the case-list filter "sphere needing attention" reaches for a viewer. Finding a case
 * under a sphere tells how her latest review rated that sphere, so the filter follows the
 * organization's matrix for the monitoring section and for the sphere's own section
 * (SPHERE_SECTION), both in full:
 * - every case of the organization for a role named organization-wide in both (`org:<role>`);
 * - the cases she is on, as reference or team member, when the team is named in both (`team`,
 *   `team:<role>` with her role), or one of them organization-wide and the other for the team;
 * - none otherwise: the list refuses the filter (403, on record).
 * A section open only to the case's reference professional (`reference`) gives no reach: the
 * filter does not single out the cases she holds as reference, so such a sphere is not filterable
 * for her (physical health by default: its team psychiatrists filter on it, her reference reads it
 * on her case). Break-glass grants and section shares open one case, never a filter.
 */
import { type Section, SPHERE_SECTION, SPHERES, type Sphere, type StaffRole } from '@cope/domain';
import { AppError } from '../../http/errors.js';
import type { Viewer } from '../auth/sessions.js';

export type FilterReach = 'all' | 'own' | 'none';

type FilterViewer = Pick<Viewer, 'roles' | 'sectionMatrix'>;

const RANK: Record<FilterReach, number> = { none: 0, own: 1, all: 2 };
const wider = (a: FilterReach, b: FilterReach) => (RANK[a] >= RANK[b] ? a : b);
const narrower = (a: FilterReach, b: FilterReach) => (RANK[a] <= RANK[b] ? a : b);

/** How far a filter on what one section holds may reach for this viewer, from the matrix alone. */
export function sectionFilterReach(viewer: FilterViewer, section: Section): FilterReach {
  let reach: FilterReach = 'none';
  for (const audience of viewer.sectionMatrix[section].full) {
    if (audience === 'team') reach = wider(reach, 'own');
    if (audience === 'reference' || audience === 'team') continue;
    const [scope, role] = audience.split(':') as ['team' | 'org', StaffRole];
    if (viewer.roles.includes(role)) reach = wider(reach, scope === 'org' ? 'all' : 'own');
  }
  return reach;
}

/** The reach of the attention filter for each sphere (the monitoring section and the sphere's). */
export function attentionFilterReach(viewer: FilterViewer): Record<Sphere, FilterReach> {
  const monitoring = sectionFilterReach(viewer, 'monitoring');
  return Object.fromEntries(
    SPHERES.map((sphere) => [
      sphere,
      narrower(monitoring, sectionFilterReach(viewer, SPHERE_SECTION[sphere])),
    ]),
  ) as Record<Sphere, FilterReach>;
}

/** The spheres this viewer may filter the case list on, in sphere order. */
export function attentionFilterSpheres(viewer: FilterViewer): Sphere[] {
  const reach = attentionFilterReach(viewer);
  return SPHERES.filter((sphere) => reach[sphere] !== 'none');
}

/** What the list applies: cases with one of these spheres needing attention, maybe only hers. */
export interface AttentionFilter {
  spheres: Sphere[];
  ownCasesOnly: boolean;
}

export type AttentionDecision =
  | { kind: 'ok'; filter: AttentionFilter }
  | { kind: 'refused'; section: Section; message: string };

/**
 * The filter for `?attention=`: one sphere at its own reach; `any` over every sphere she may
 * filter on, across the organization only when each of them reaches that far.
 */
export function attentionFilterFor(viewer: FilterViewer, attention: Sphere | 'any'): AttentionDecision {
  const reach = attentionFilterReach(viewer);
  const monitoringClosed = sectionFilterReach(viewer, 'monitoring') === 'none';
  if (attention === 'any') {
    const spheres = SPHERES.filter((sphere) => reach[sphere] !== 'none');
    if (spheres.length === 0) {
      return {
        kind: 'refused',
        section: 'monitoring',
        message:
          'You may not filter the case list by "Sphere needing attention": your role does not see reviews.',
      };
    }
    return {
      kind: 'ok',
      filter: { spheres, ownCasesOnly: spheres.some((sphere) => reach[sphere] !== 'all') },
    };
  }
  if (reach[attention] === 'none') {
    return {
      kind: 'refused',
      section: monitoringClosed ? 'monitoring' : SPHERE_SECTION[attention],
      message:
        `You may not filter the case list by "Sphere needing attention" on ${attention.replaceAll('_', ' ')}: ` +
        'your role does not see this part of her case.',
    };
  }
  return { kind: 'ok', filter: { spheres: [attention], ownCasesOnly: reach[attention] === 'own' } };
}

export const attentionFilterRefused = (decision: Extract<AttentionDecision, { kind: 'refused' }>) =>
  new AppError('FORBIDDEN', decision.message, { filter: 'attention', section: decision.section });
