/**
 * Needs assessment (DOMAIN.md "The fourteen spheres"): per sphere, her current situation in
 * structured fields where the field has them, plus notes, the needs she expresses in her own
 * words and the needs the professional identifies. The structured fields are few on purpose:
 * the ones a review compares over time (a permit's expiry, a contract, a language level, income
 * against basic costs, children's schooling) — everything else is a note.
 */

import type { Section } from './sections.js';
import { BASIC_NEED_SPHERE, BASIC_NEEDS, type BasicNeed, SPHERES, type Sphere } from './spheres.js';

export type NeedsField =
  | { key: string; kind: 'choice'; options: readonly string[] }
  | { key: string; kind: 'date' }
  | { key: string; kind: 'number'; min: number; max: number };

const YES_NO = ['yes', 'no', 'not_known'] as const;

export const NEEDS_FIELDS: Record<Sphere, readonly NeedsField[]> = {
  housing: [
    {
      key: 'housing_type',
      kind: 'choice',
      options: [
        'shelter',
        'safe_house',
        'shared_flat',
        'rented_alone',
        'with_family_or_friends',
        'employer_provided',
        'no_fixed_home',
        'other',
      ],
    },
    { key: 'housing_safe', kind: 'choice', options: YES_NO },
    { key: 'housing_affordable', kind: 'choice', options: YES_NO },
  ],
  legal_status: [
    {
      key: 'permit_type',
      kind: 'choice',
      options: [
        'none',
        'application_pending',
        'asylum_seeker',
        'refugee_status',
        'subsidiary_protection',
        'victim_of_trafficking_permit',
        'humanitarian',
        'work_permit',
        'family_permit',
        'eu_citizen',
        'other',
      ],
    },
    { key: 'permit_expires_on', kind: 'date' },
    { key: 'allowed_to_work', kind: 'choice', options: YES_NO },
    { key: 'has_identity_document', kind: 'choice', options: YES_NO },
  ],
  employment: [
    {
      key: 'employment_status',
      kind: 'choice',
      options: [
        'not_working',
        'looking_for_work',
        'in_training',
        'informal_work',
        'employed',
        'self_employed',
      ],
    },
    {
      key: 'contract_type',
      kind: 'choice',
      options: ['none', 'temporary', 'permanent', 'internship', 'seasonal'],
    },
    { key: 'hours_per_week', kind: 'number', min: 0, max: 80 },
  ],
  education: [
    { key: 'language_level', kind: 'choice', options: ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] },
    { key: 'literacy', kind: 'choice', options: ['none', 'basic', 'functional'] },
    { key: 'years_of_schooling', kind: 'number', min: 0, max: 30 },
    { key: 'in_course', kind: 'choice', options: YES_NO },
  ],
  safety: [],
  social_environment: [],
  social_relations: [],
  economic: [
    { key: 'monthly_income', kind: 'number', min: 0, max: 100_000 },
    { key: 'monthly_basic_costs', kind: 'number', min: 0, max: 100_000 },
    { key: 'food_covered', kind: 'choice', options: YES_NO },
    { key: 'clothing_covered', kind: 'choice', options: YES_NO },
    { key: 'has_bank_account', kind: 'choice', options: YES_NO },
    { key: 'has_debts', kind: 'choice', options: YES_NO },
  ],
  physical_health: [
    { key: 'health_card', kind: 'choice', options: YES_NO },
    { key: 'health_care_access', kind: 'choice', options: YES_NO },
  ],
  mental_health: [{ key: 'support_in_place', kind: 'choice', options: YES_NO }],
  access_to_services: [{ key: 'knows_her_rights', kind: 'choice', options: YES_NO }],
  motivation: [],
  legal_proceedings: [
    { key: 'proceedings_open', kind: 'choice', options: YES_NO },
    { key: 'next_hearing_on', kind: 'date' },
  ],
  family: [
    { key: 'children_here', kind: 'number', min: 0, max: 20 },
    { key: 'children_in_school', kind: 'choice', options: ['all', 'some', 'none', 'not_applicable'] },
    { key: 'supports_family_abroad', kind: 'choice', options: YES_NO },
  ],
};

/** A sphere's situation: values of its structured fields (absent = not asked yet). */
export type Situation = Record<string, string | number>;

export interface FieldProblem {
  /** The field's key inside the situation. */
  field: string;
  problem: 'unknown_field' | 'not_an_option' | 'not_a_date' | 'not_a_number' | 'out_of_range';
}

function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Every problem with a situation's values, field by field (empty when all are well-formed). */
export function checkSituation(sphere: Sphere, situation: Situation): FieldProblem[] {
  const fields = new Map(NEEDS_FIELDS[sphere].map((field) => [field.key, field]));
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(situation)) {
    const field = fields.get(key);
    if (!field) {
      problems.push({ field: key, problem: 'unknown_field' });
    } else if (field.kind === 'choice') {
      if (typeof value !== 'string' || !field.options.includes(value))
        problems.push({ field: key, problem: 'not_an_option' });
    } else if (field.kind === 'date') {
      if (typeof value !== 'string' || !isIsoDay(value)) problems.push({ field: key, problem: 'not_a_date' });
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ field: key, problem: 'not_a_number' });
    } else if (value < field.min || value > field.max) {
      problems.push({ field: key, problem: 'out_of_range' });
    }
  }
  return problems;
}

/** An unmet basic need and the sphere whose situation shows it. */
export interface BasicNeedSource {
  need: BasicNeed;
  sphere: Sphere;
}

/**
 * Which basic needs are unmet, and from which sphere, from the situations recorded (DOMAIN.md
 * "Basic principles", 4): no home or a home that is not safe (housing); food or clothing not
 * covered (economic); no access to health care (physical health) or no support in place for her
 * mental health (mental health). "Not known" flags nothing: it is a question to ask. In the order
 * of BASIC_NEEDS, then of the need's spheres.
 */
export function unmetBasicNeedSources(situations: Partial<Record<Sphere, Situation>>): BasicNeedSource[] {
  const housing = situations.housing ?? {};
  const economic = situations.economic ?? {};
  const sources: BasicNeedSource[] = [];
  if (housing.housing_safe === 'no' || housing.housing_type === 'no_fixed_home')
    sources.push({ need: 'safe_housing', sphere: 'housing' });
  if (economic.food_covered === 'no') sources.push({ need: 'food', sphere: 'economic' });
  if (economic.clothing_covered === 'no') sources.push({ need: 'clothing', sphere: 'economic' });
  if (situations.physical_health?.health_care_access === 'no')
    sources.push({ need: 'health_care', sphere: 'physical_health' });
  if (situations.mental_health?.support_in_place === 'no')
    sources.push({ need: 'health_care', sphere: 'mental_health' });
  return sources;
}

/** Which basic needs are unmet, whatever the sphere that shows it, in the order of BASIC_NEEDS. */
export function unmetBasicNeeds(situations: Partial<Record<Sphere, Situation>>): BasicNeed[] {
  const unmet = new Set(unmetBasicNeedSources(situations).map((source) => source.need));
  return BASIC_NEEDS.filter((need) => unmet.has(need));
}

/**
 * How an unmet basic need is kept on her case: `need:sphere` (`health_care:mental_health`), so
 * that each reader is shown only the needs whose sphere she may open.
 */
export const basicNeedCode = (source: BasicNeedSource): string => `${source.need}:${source.sphere}`;

/**
 * The basic needs a reader may be shown, from the codes kept on her case: a need is shown when
 * the reader may open (`opens`) the sphere of at least one of its sources. A bare code (`food`,
 * kept before the sphere was stored with it) may have come from any of the need's spheres: it is
 * shown only to a reader who may open all of them. Unknown codes are left out.
 */
export function visibleBasicNeeds(
  stored: readonly string[],
  opens: (sphere: Sphere) => boolean,
): BasicNeed[] {
  const shown = new Set<BasicNeed>();
  for (const code of stored) {
    const [need, sphere, ...rest] = code.split(':');
    const known = BASIC_NEEDS.find((candidate) => candidate === need);
    if (!known || rest.length > 0) continue;
    const spheres = BASIC_NEED_SPHERE[known];
    const visible =
      sphere === undefined
        ? spheres.every(opens)
        : spheres.some((candidate) => candidate === sphere && opens(candidate));
    if (visible) shown.add(known);
  }
  return BASIC_NEEDS.filter((need) => shown.has(need));
}

/**
 * The case section whose access rule guards what is written about a sphere. Most spheres are the
 * needs section (the case team); legal status and proceedings follow her legal section, her
 * health her health sections, safety her safety section — so a needs note never shows a viewer
 * what the section itself would hide.
 */
export const SPHERE_SECTION: Record<Sphere, Section> = {
  housing: 'needs',
  legal_status: 'legal',
  employment: 'employment',
  education: 'education',
  safety: 'safety',
  social_environment: 'needs',
  social_relations: 'needs',
  economic: 'economic',
  physical_health: 'physical_health',
  mental_health: 'mental_health',
  access_to_services: 'needs',
  motivation: 'needs',
  legal_proceedings: 'legal',
  family: 'family',
};

export type PriorityProblem = 'duplicate' | 'unknown_sphere';

/** Her own ranking of spheres, most important first: each sphere at most once. */
export function checkPriorities(
  priorities: readonly string[],
): { index: number; problem: PriorityProblem }[] {
  const seen = new Set<string>();
  const problems: { index: number; problem: PriorityProblem }[] = [];
  priorities.forEach((value, index) => {
    if (!(SPHERES as readonly string[]).includes(value)) problems.push({ index, problem: 'unknown_sphere' });
    else if (seen.has(value)) problems.push({ index, problem: 'duplicate' });
    seen.add(value);
  });
  return problems;
}
