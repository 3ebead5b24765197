/** What leaves the server about her needs: never a row as is, nothing of a closed sphere. */
import type { TSphereNeeds } from '@cope/contracts';
import { BASIC_NEEDS, type BasicNeed, isSphere, type Sphere } from '@cope/domain';
import type { Tx } from '../../db/tenant.js';
import { staffByIds } from '../case-team/service.js';
import type { NeedsContent, NeedsRow } from './content.js';

export type Person = { id: string; displayName: string };
export type People = (id: string) => Person;

/** Names of the colleagues these rows mention, looked up once. */
export async function peopleOf(tx: Tx, ids: string[]): Promise<People> {
  const staff = await staffByIds(tx, ids);
  return (id) => ({ id, displayName: staff.get(id)?.displayName ?? '—' });
}

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

export const basicNeedsOf = (stored: readonly string[]): BasicNeed[] =>
  BASIC_NEEDS.filter((need) => stored.includes(need));
