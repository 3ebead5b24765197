/**
 * What the sphere form holds while she is being listened to, and the plain checks on it: the
 * structured values (absent when not asked yet), the note on her situation, her own words and
 * the needs the professional identifies. Pure functions, so the form stays about layout.
 */
import type { TNeedsSave, TSphereNeeds } from '@cope/contracts';
import { checkSituation, type FieldProblem, NEEDS_FIELDS, type Sphere } from '@cope/domain';

export type Situation = Record<string, string | number>;

export interface Draft {
  /** Number fields may hold what is being typed ("", "12.") until it is saved. */
  situation: Situation;
  situationNote: string;
  herWords: string;
  professionalNeeds: string;
}

export const TEXT_FIELDS = ['situationNote', 'herWords', 'professionalNeeds'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const TEXT_MAX = 4000;

export function draftFrom(sphere: TSphereNeeds): Draft {
  return {
    situation: { ...(sphere.situation ?? {}) },
    situationNote: sphere.situationNote ?? '',
    herWords: sphere.herWords ?? '',
    professionalNeeds: sphere.professionalNeeds ?? '',
  };
}

/** The values to send: empty ones left out (not asked yet), numbers typed turned into numbers. */
export function situationToSave(sphere: Sphere, situation: Situation): Situation {
  const kinds = new Map(NEEDS_FIELDS[sphere].map((field) => [field.key, field.kind]));
  const out: Situation = {};
  for (const [key, value] of Object.entries(situation)) {
    if (typeof value === 'string' && value.trim() === '') continue;
    if (kinds.get(key) === 'number' && typeof value === 'string') {
      const number = Number(value.trim());
      out[key] = Number.isFinite(number) ? number : value;
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function toSave(sphere: Sphere, draft: Draft, version: number): TNeedsSave {
  return {
    version,
    situation: situationToSave(sphere, draft.situation),
    situationNote: draft.situationNote,
    herWords: draft.herWords,
    professionalNeeds: draft.professionalNeeds,
  };
}

export type DraftProblem =
  | { field: string; problem: FieldProblem['problem'] }
  | { field: TextField; problem: 'too_long' };

/** The same checks the server makes on the values, plus the length of each text. */
export function draftProblems(sphere: Sphere, draft: Draft): DraftProblem[] {
  const problems: DraftProblem[] = checkSituation(sphere, situationToSave(sphere, draft.situation));
  for (const field of TEXT_FIELDS) {
    if (draft[field].trim().length > TEXT_MAX) problems.push({ field, problem: 'too_long' });
  }
  return problems;
}

/** The fields (structured keys, then the texts) where two drafts say different things. */
export function changedFields(sphere: Sphere, a: Draft, b: Draft): string[] {
  const left = situationToSave(sphere, a.situation);
  const right = situationToSave(sphere, b.situation);
  const keys = NEEDS_FIELDS[sphere]
    .map((field) => field.key)
    .filter((key) => String(left[key] ?? '') !== String(right[key] ?? ''));
  const texts = TEXT_FIELDS.filter((field) => a[field].trim() !== b[field].trim());
  return [...keys, ...texts];
}

/**
 * After a colleague saved meanwhile: her colleague's version with the changes made here (from
 * `base`, the version this form started from) put back on top. Fields changed only by the
 * colleague keep the colleague's value.
 */
export function mergeDrafts(sphere: Sphere, base: Draft, mine: Draft, theirs: Draft): Draft {
  const edited = new Set(changedFields(sphere, base, mine));
  const situation: Situation = { ...theirs.situation };
  for (const field of NEEDS_FIELDS[sphere]) {
    if (!edited.has(field.key)) continue;
    const value = mine.situation[field.key];
    if (value === undefined || value === '') delete situation[field.key];
    else situation[field.key] = value;
  }
  const pick = (field: TextField) => (edited.has(field) ? mine[field] : theirs[field]);
  return {
    situation,
    situationNote: pick('situationNote'),
    herWords: pick('herWords'),
    professionalNeeds: pick('professionalNeeds'),
  };
}
