import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isScaleStep,
  MONITORING_SCALE_VERSION,
  RATING_GAP_PROMPT,
  ratingGap,
  SCALE_STEP_LABELS,
  SCALE_STEP_NAMES,
  SCALE_STEPS,
  type ScaleStep,
} from './monitoring-scale.js';
import { SCALE_DESCRIPTORS, scaleDescriptor } from './monitoring-scale-descriptors.js';
import { SPHERES } from './spheres.js';
import { STAFF_LANGUAGES } from './staff-languages.js';

const TRANSLATIONS = STAFF_LANGUAGES.filter((language) => language !== 'en');
const step = fc.constantFrom(...SCALE_STEPS);

describe('monitoring scale, version 1', () => {
  it('has five steps from crisis to autonomy', () => {
    expect(MONITORING_SCALE_VERSION).toBe(1);
    expect(SCALE_STEPS).toEqual([1, 2, 3, 4, 5]);
    expect(SCALE_STEP_NAMES[1]).toBe('crisis');
    expect(SCALE_STEP_NAMES[5]).toBe('autonomous');
    expect(new Set(Object.values(SCALE_STEP_NAMES)).size).toBe(5);
  });

  it('labels every step in every staff language', () => {
    for (const s of SCALE_STEPS) {
      for (const language of STAFF_LANGUAGES) expect(SCALE_STEP_LABELS[s][language].trim()).not.toBe('');
    }
  });

  it.each(STAFF_LANGUAGES)(
    'describes every step of every sphere in %s, in one short sentence',
    (language) => {
      expect(Object.keys(SCALE_DESCRIPTORS[language]).sort()).toEqual([...SPHERES].sort());
      for (const sphere of SPHERES) {
        expect(Object.keys(SCALE_DESCRIPTORS[language][sphere])).toEqual(['1', '2', '3', '4', '5']);
        for (const s of SCALE_STEPS) {
          const text = scaleDescriptor(sphere, s, language);
          expect(text.trim(), `${language} ${sphere} ${s}`).toBe(text);
          expect(text.length, `${language} ${sphere} ${s}`).toBeGreaterThan(0);
          expect(text.length, `${language} ${sphere} ${s}`).toBeLessThan(200);
          expect(text, `${language} ${sphere} ${s}`).toMatch(/^\p{Lu}.*\.$/u);
        }
      }
    },
  );

  it.each(STAFF_LANGUAGES)(
    'gives the five steps of each sphere five different descriptors in %s',
    (language) => {
      for (const sphere of SPHERES) {
        const texts = SCALE_STEPS.map((s) => scaleDescriptor(sphere, s, language));
        expect(new Set(texts).size, sphere).toBe(SCALE_STEPS.length);
      }
    },
  );

  it.each(TRANSLATIONS)('translates every descriptor into %s rather than leaving the English', (language) => {
    for (const sphere of SPHERES) {
      for (const s of SCALE_STEPS) {
        expect(scaleDescriptor(sphere, s, language), `${sphere} ${s}`).not.toBe(
          scaleDescriptor(sphere, s, 'en'),
        );
      }
    }
  });

  it('never shares a descriptor between spheres', () => {
    for (const language of STAFF_LANGUAGES) {
      const texts = SPHERES.flatMap((sphere) => SCALE_STEPS.map((s) => scaleDescriptor(sphere, s, language)));
      expect(new Set(texts).size, language).toBe(texts.length);
    }
  });
});

describe('isScaleStep', () => {
  it('accepts the five steps only', () => {
    for (const s of SCALE_STEPS) expect(isScaleStep(s)).toBe(true);
    for (const value of [0, 6, -1, 2.5, Number.NaN, '3', null, undefined]) {
      expect(isScaleStep(value)).toBe(false);
    }
  });

  it('refuses any number outside the scale', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        expect(isScaleStep(value)).toBe(Number.isInteger(value) && value >= 1 && value <= 5);
      }),
    );
  });
});

describe('ratingGap', () => {
  it('is 0 for equal ratings and prompts no conversation', () => {
    fc.assert(
      fc.property(step, (s) => {
        expect(ratingGap(s, s)).toEqual({ gap: 0, promptsConversation: false });
      }),
    );
  });

  it('is symmetric: neither view counts more', () => {
    fc.assert(
      fc.property(step, step, (professional, self) => {
        expect(ratingGap(professional, self)).toEqual(ratingGap(self, professional));
      }),
    );
  });

  it('is the distance in steps, and prompts a conversation from two steps apart', () => {
    fc.assert(
      fc.property(step, step, (professional: ScaleStep, self: ScaleStep) => {
        const { gap, promptsConversation } = ratingGap(professional, self);
        expect(gap).toBe(Math.abs(professional - self));
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(4);
        expect(promptsConversation).toBe(gap >= RATING_GAP_PROMPT);
      }),
    );
    expect(ratingGap(2, 3).promptsConversation).toBe(false);
    expect(ratingGap(1, 3).promptsConversation).toBe(true);
    expect(ratingGap(5, 1)).toEqual({ gap: 4, promptsConversation: true });
  });
});
