/**
 * The written descriptor of every step of the monitoring scale, for every sphere, in every staff
 * language (monitoring scale version 1). Each language lives in its own file; this module puts
 * them together. A language, sphere or step left out fails to compile, so the scale can never be
 * shown half-described.
 *
 * How the descriptors are written: one short sentence about her, in plain words; something a
 * professional can observe or she can recognise in her own life; never blaming her for where she
 * stands. Step 1 always names an urgent situation, step 5 a stable one in her own hands.
 */

import type { ScaleDescriptors, ScaleStep } from './monitoring-scale.js';
import { SCALE_DESCRIPTORS_CA } from './monitoring-scale-ca.js';
import { SCALE_DESCRIPTORS_EN } from './monitoring-scale-en.js';
import { SCALE_DESCRIPTORS_ES } from './monitoring-scale-es.js';
import { SCALE_DESCRIPTORS_IT } from './monitoring-scale-it.js';
import type { Sphere } from './spheres.js';
import type { StaffLanguage } from './staff-languages.js';

export const SCALE_DESCRIPTORS: Record<StaffLanguage, ScaleDescriptors> = {
  en: SCALE_DESCRIPTORS_EN,
  es: SCALE_DESCRIPTORS_ES,
  it: SCALE_DESCRIPTORS_IT,
  ca: SCALE_DESCRIPTORS_CA,
};

/** What a step means for a sphere, in the language she or the professional reads. */
export function scaleDescriptor(sphere: Sphere, step: ScaleStep, language: StaffLanguage): string {
  return SCALE_DESCRIPTORS[language][sphere][step];
}
