import { describe, expect, it } from 'vitest';
import { CONSENT_FORM_LANGUAGES } from './consent.js';
import { SCALE_STEPS } from './monitoring-scale.js';
import { SPHERE_WORDS, STEP_WORDS } from './participant-words.js';
import { SPHERES } from './spheres.js';

describe('the words she reads', () => {
  it.each(CONSENT_FORM_LANGUAGES)(
    'names every sphere and every step in %s, each differently and briefly',
    (language) => {
      const spheres = SPHERES.map((sphere) => SPHERE_WORDS[sphere][language]);
      const steps = SCALE_STEPS.map((step) => STEP_WORDS[step][language]);
      for (const word of [...spheres, ...steps]) {
        expect(word.trim().length).toBeGreaterThan(1);
        expect(word.length).toBeLessThanOrEqual(40);
      }
      expect(new Set(spheres).size).toBe(SPHERES.length);
      expect(new Set(steps).size).toBe(SCALE_STEPS.length);
    },
  );

  it('translates rather than repeating English (beyond words that are the same)', () => {
    for (const language of CONSENT_FORM_LANGUAGES.filter((code) => code !== 'en')) {
      const same = SPHERES.filter((sphere) => SPHERE_WORDS[sphere][language] === SPHERE_WORDS[sphere].en);
      expect(same.length, language).toBeLessThanOrEqual(1);
    }
  });
});
