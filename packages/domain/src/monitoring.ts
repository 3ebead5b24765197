/**
 * Monitoring rounds (DOMAIN.md "Monitoring"): at intake and at each review, two independent
 * ratings of every sphere on the anchored scale — the professional's and her own. Hers is never
 * overwritten. Where the two differ by two steps or more, they should talk about it.
 */
import { RATING_GAP_PROMPT, type ScaleStep } from './monitoring-scale.js';
import { SPHERES, type Sphere } from './spheres.js';

export interface SphereRating {
  step: ScaleStep | null;
  reason?: string | null;
}
export type Ratings = Partial<Record<Sphere, SphereRating>>;

/** Default and bounds of the time between reviews, in months. */
export const REVIEW_MONTHS_DEFAULT = 3;
export const REVIEW_MONTHS_MIN = 1;
export const REVIEW_MONTHS_MAX = 12;

/** The spheres a complete professional rating still lacks. */
export function unratedSpheres(ratings: Ratings): Sphere[] {
  return SPHERES.filter((sphere) => !ratings[sphere]?.step);
}

/** The spheres whose two ratings are two or more steps apart, largest gap first. */
export function ratingGaps(
  professional: Ratings,
  self: Ratings,
): { sphere: Sphere; professional: ScaleStep; self: ScaleStep; gap: number }[] {
  const gaps: { sphere: Sphere; professional: ScaleStep; self: ScaleStep; gap: number }[] = [];
  for (const sphere of SPHERES) {
    const mine = professional[sphere]?.step;
    const hers = self[sphere]?.step;
    if (!mine || !hers) continue;
    const gap = Math.abs(mine - hers);
    if (gap >= RATING_GAP_PROMPT) gaps.push({ sphere, professional: mine, self: hers, gap });
  }
  return gaps.sort((a, b) => b.gap - a.gap);
}

/** Spheres that need attention: rated crisis or vulnerable by either view. */
export function attentionSpheres(professional: Ratings, self: Ratings): Sphere[] {
  return SPHERES.filter((sphere) => {
    const steps = [professional[sphere]?.step, self[sphere]?.step].filter((step): step is ScaleStep =>
      Boolean(step),
    );
    return steps.some((step) => step <= 2);
  });
}

/** The day the next review falls due: the same day of the month, `months` later (clamped). */
export function reviewDueOn(heldOn: string, months: number): string {
  const held = new Date(`${heldOn}T00:00:00Z`);
  const year = held.getUTCFullYear();
  const month = held.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(held.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}
