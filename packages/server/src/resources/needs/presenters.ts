/** What leaves the server about her needs: never a row as is, nothing of a closed sphere. */
import type { TSphereNeeds } from '@cope/contracts';
import {
  type BasicNeed,
  isSphere,
  type Section,
  SPHERE_SECTION,
  type Sphere,
  visibleBasicNeeds,
} from '@cope/domain';
import type { People } from '../case-team/people.js';
import type { NeedsContent, NeedsRow } from './content.js';

export { type People, type Person, peopleOf } from '../case-team/people.js';

/** A sphere this viewer may not open: its code only (the version would tell that it was written). */
export function presentClosed(sphere: Sphere): TSphereNeeds {
  return {
    sphere,
    access: 'none',
    version: 0,
    situation: null,
    situationNote: null,
    herWords: null,
    professionalNeeds: null,
    updatedAt: null,
    updatedBy: null,
  };
}

/** A sphere never assessed: version 0, empty fields ready to fill. */
export function presentEmpty(sphere: Sphere): TSphereNeeds {
  return {
    sphere,
    access: 'full',
    version: 0,
    situation: {},
    situationNote: '',
    herWords: '',
    professionalNeeds: '',
    updatedAt: null,
    updatedBy: null,
  };
}

export function presentSphere(
  sphere: Sphere,
  row: NeedsRow,
  content: NeedsContent,
  people: People,
): TSphereNeeds {
  return {
    sphere,
    access: 'full',
    version: row.version,
    situation: content.situation,
    situationNote: content.situationNote,
    herWords: content.herWords,
    professionalNeeds: content.professionalNeeds,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: people(row.updatedByUserId),
  };
}

/** Codes from her case row, in their canonical order; anything unknown is left out. */
export const prioritiesOf = (stored: readonly string[]): Sphere[] => [...new Set(stored)].filter(isSphere);

/**
 * The basic needs flagged on her case that this reader may be shown: only those coming from a
 * sphere whose section she sees in full (a peer worker never learns of a gap in her mental health).
 */
export const basicNeedsOf = (stored: readonly string[], full: (section: Section) => boolean): BasicNeed[] =>
  visibleBasicNeeds(stored, (sphere) => full(SPHERE_SECTION[sphere]));
