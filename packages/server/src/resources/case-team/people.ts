/** Colleagues named in what a case shows (who assessed, saved, agreed): names looked up once. */
import type { Tx } from '../../db/tenant.js';
import { staffByIds } from './service.js';

export type Person = { id: string; displayName: string };
export type People = (id: string) => Person;

export async function peopleOf(tx: Tx, ids: readonly (string | null | undefined)[]): Promise<People> {
  const staff = await staffByIds(
    tx,
    ids.filter((id): id is string => typeof id === 'string'),
  );
  return (id) => ({ id, displayName: staff.get(id)?.displayName ?? '—' });
}
