/**
 * What a monitoring round keeps sealed with her data key: the professional's ratings and her own,
 * each a JSON map of sphere → { step, reason }. Only the round's dates, status and scale version
 * stay in clear. The reason of a sphere is as sensitive as that sphere's own section
 * (SPHERE_SECTION): a viewer who may not see that section in full reads the step without it.
 */
import type { TRatings } from '@cope/contracts';
import { type Ratings, type Section, SPHERE_SECTION, SPHERES, type Sphere } from '@cope/domain';
import type { Keyring } from '../../security/keyring.js';

export type RatingsPart = 'professional' | 'self';

const ref = (roundId: string, part: RatingsPart) => ({
  table: 'monitoring_round',
  column: part,
  recordId: roundId,
});

export function sealRatings(
  keyring: Keyring,
  dataKey: Buffer,
  roundId: string,
  part: RatingsPart,
  ratings: Ratings,
): string {
  return keyring.sealWithKey(dataKey, ref(roundId, part), JSON.stringify(ratings));
}

export function openRatings(
  keyring: Keyring,
  dataKey: Buffer,
  roundId: string,
  part: RatingsPart,
  stored: string,
): Ratings {
  return JSON.parse(keyring.openWithKey(dataKey, ref(roundId, part), stored)) as Ratings;
}

/** Ratings as stored: known spheres only, in the spheres order, reasons trimmed (empty → null). */
export function normaliseRatings(input: TRatings): Ratings {
  const out: Ratings = {};
  for (const sphere of SPHERES) {
    const rating = input[sphere];
    if (!rating) continue;
    const reason = rating.reason?.trim() || null;
    out[sphere] = { step: rating.step ?? null, reason } as Ratings[Sphere];
  }
  return out;
}

/** The spheres whose reasons this viewer may not read (she does not see their section in full). */
export function withheldSpheres(full: (section: Section) => boolean): Set<Sphere> {
  return new Set(SPHERES.filter((sphere) => !full(SPHERE_SECTION[sphere])));
}

/** The steps stay; the reasons of withheld spheres are left out. */
export function withholdReasons(ratings: Ratings, withheld: Set<Sphere>): TRatings {
  const out: TRatings = {};
  for (const sphere of SPHERES) {
    const rating = ratings[sphere];
    if (!rating) continue;
    out[sphere] = { step: rating.step, reason: withheld.has(sphere) ? null : (rating.reason ?? null) };
  }
  return out;
}
