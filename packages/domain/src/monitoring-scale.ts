/**
 * The monitoring scale (DOMAIN.md "Monitoring"): each sphere is rated on five anchored steps, from
 * crisis to autonomy, once by the professional and once by her own self-rating, at intake and at
 * each review. Every step of every sphere has a written descriptor (monitoring-scale-descriptors.ts)
 * so that a rating means the same thing to everyone who gives or reads it.
 *
 * The scale is versioned: a rating keeps the version it was given with, and a later change of
 * descriptors or steps makes a new version rather than silently changing what old ratings mean.
 *
 * Version 1 was written for this project. It borrows only the general shape of anchored
 * self-sufficiency matrices (steps running from in crisis to thriving); no licensed instrument's
 * wording is used.
 */
import type { Sphere } from './spheres.js';
import type { StaffLanguage } from './staff-languages.js';

export const MONITORING_SCALE_VERSION = 1;

/** The five steps, lowest first. Higher is always further from crisis, in every sphere. */
export const SCALE_STEPS = [1, 2, 3, 4, 5] as const;
export type ScaleStep = (typeof SCALE_STEPS)[number];

/**
 * What each step stands for, the same in every sphere:
 * 1 crisis: urgent danger or a basic need entirely unmet; act now;
 * 2 vulnerable: something is in place but precarious, and she depends on others for it;
 * 3 stabilising: the situation is safe and steady with support, and may be temporary;
 * 4 coping: she manages mostly herself, with occasional support;
 * 5 autonomous: stable and in her own hands, for the long term.
 */
export const SCALE_STEP_NAMES = {
  1: 'crisis',
  2: 'vulnerable',
  3: 'stabilising',
  4: 'coping',
  5: 'autonomous',
} as const satisfies Record<ScaleStep, string>;
export type ScaleStepName = (typeof SCALE_STEP_NAMES)[ScaleStep];

/** The step names as shown to staff and to her (feminine where the language marks it). */
export const SCALE_STEP_LABELS: Record<ScaleStep, Record<StaffLanguage, string>> = {
  1: { en: 'Crisis', es: 'En crisis', it: 'In crisi', ca: 'En crisi' },
  2: { en: 'Vulnerable', es: 'Vulnerable', it: 'Vulnerabile', ca: 'Vulnerable' },
  3: { en: 'Stabilising', es: 'Estabilizándose', it: 'In stabilizzazione', ca: "S'estabilitza" },
  4: { en: 'Coping', es: 'Se desenvuelve', it: 'Se la cava', ca: "Se'n surt" },
  5: { en: 'Autonomous', es: 'Autónoma', it: 'Autonoma', ca: 'Autònoma' },
};

/** One sentence per sphere and step, in one language: the shape each language file fills in. */
export type ScaleDescriptors = Record<Sphere, Record<ScaleStep, string>>;

/** True for a whole number from 1 to 5; anything else is refused as outside the scale. */
export function isScaleStep(value: unknown): value is ScaleStep {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** A difference of this many steps or more between the two views prompts a conversation. */
export const RATING_GAP_PROMPT = 2;

export interface RatingGap {
  /** Steps between the professional's rating and her own, whichever is higher. */
  gap: number;
  /** The two views differ enough that the professional should talk it through with her. */
  promptsConversation: boolean;
}

/**
 * How far the professional's rating of a sphere is from her own self-rating. Neither view wins:
 * the gap is symmetric, and a large one is a reason to talk, not to correct either rating.
 */
export function ratingGap(professional: ScaleStep, self: ScaleStep): RatingGap {
  const gap = Math.abs(professional - self);
  return { gap, promptsConversation: gap >= RATING_GAP_PROMPT };
}
