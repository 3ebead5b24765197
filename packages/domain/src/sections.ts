/**
 * Case sections and who may see them (DOMAIN.md "The case"). Access is need-to-know: decided
 * by the viewer's place in the case team and her role, never by her role alone.
 *
 * Each section has a rule listing audiences that get `full` access and, optionally, audiences
 * that get `limited` access (a reduced view: the alias instead of the legal identity; "in
 * counselling: yes/no" instead of counselling notes). Organizations can change the rules; the
 * defaults below follow the report.
 */
import { STAFF_ROLES, type StaffRole } from './roles.js';

export const SECTIONS = [
  'identity',
  'safety',
  'trafficking_network',
  'legal',
  'mental_health',
  'physical_health',
  'plan',
  'needs',
  'monitoring',
  'employment',
  'education',
  'economic',
  'family',
] as const;
export type Section = (typeof SECTIONS)[number];

export type AccessLevel = 'none' | 'limited' | 'full';

/**
 * Who an audience entry names:
 * - `reference`: the case's reference professional;
 * - `team`: any member of the case team;
 * - `team:<role>`: a team member with that role;
 * - `org:<role>`: anyone in the organization with that role, on the team or not.
 */
export type Audience = 'reference' | 'team' | `team:${StaffRole}` | `org:${StaffRole}`;

export interface SectionRule {
  full: Audience[];
  limited?: Audience[];
}

export type SectionMatrix = Record<Section, SectionRule>;

const CASE_TEAM: SectionRule = { full: ['team'] };

export const DEFAULT_SECTION_MATRIX: SectionMatrix = {
  identity: { full: ['reference', 'org:coordinator'], limited: ['team'] },
  safety: { full: ['team', 'org:coordinator'] },
  trafficking_network: { full: ['reference', 'org:coordinator', 'team:lawyer'] },
  legal: { full: ['reference', 'team:lawyer', 'org:coordinator'] },
  mental_health: { full: ['team:psychologist', 'team:psychiatrist'], limited: ['team'] },
  physical_health: { full: ['reference', 'team:psychiatrist'] },
  plan: CASE_TEAM,
  needs: CASE_TEAM,
  monitoring: CASE_TEAM,
  employment: CASE_TEAM,
  education: CASE_TEAM,
  economic: CASE_TEAM,
  family: CASE_TEAM,
};

/** What the policy knows about a viewer's relation to one case. */
export interface CaseRelation {
  roles: readonly StaffRole[];
  isReference: boolean;
  isTeamMember: boolean;
}

/** Whether a viewer belongs to an audience (used by the matrix and by section shares). */
export function audienceMatches(audience: Audience, viewer: CaseRelation): boolean {
  if (audience === 'reference') return viewer.isReference;
  if (audience === 'team') return viewer.isTeamMember || viewer.isReference;
  const [scope, role] = audience.split(':') as ['team' | 'org', StaffRole];
  if (!viewer.roles.includes(role)) return false;
  return scope === 'org' || viewer.isTeamMember || viewer.isReference;
}

export function sectionAccess(matrix: SectionMatrix, section: Section, viewer: CaseRelation): AccessLevel {
  const rule = matrix[section];
  if (rule.full.some((audience) => audienceMatches(audience, viewer))) return 'full';
  if (rule.limited?.some((audience) => audienceMatches(audience, viewer))) return 'limited';
  return 'none';
}

/** The organization's matrix: defaults with its own rules laid over them. */
export function effectiveMatrix(overrides: Partial<SectionMatrix> | null | undefined): SectionMatrix {
  return { ...DEFAULT_SECTION_MATRIX, ...(overrides ?? {}) };
}

/** Every audience an organization may name in its matrix. */
export const AUDIENCES: readonly Audience[] = [
  'reference',
  'team',
  ...STAFF_ROLES.map((role) => `team:${role}` as const),
  ...STAFF_ROLES.map((role) => `org:${role}` as const),
];

export function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

/** The sections whose rule differs from the default: what an organization stores. */
export function matrixOverrides(matrix: SectionMatrix): Partial<SectionMatrix> {
  const overrides: Partial<SectionMatrix> = {};
  const same = (a: readonly string[] = [], b: readonly string[] = []) =>
    a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);
  for (const section of SECTIONS) {
    const rule = matrix[section];
    const base = DEFAULT_SECTION_MATRIX[section];
    if (!same(rule.full, base.full) || !same(rule.limited, base.limited)) overrides[section] = rule;
  }
  return overrides;
}
