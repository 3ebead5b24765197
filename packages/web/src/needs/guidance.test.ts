/**
 * "What helps" is complete in every staff language: all fourteen spheres, three to five short
 * points each, none empty, and the translations really translated (not English left in place).
 */
import { SPHERES } from '@cope/domain';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import { GUIDANCE } from './guidance';

const languages = SUPPORTED_LANGUAGES.map((language) => language.code);

describe('guidance per sphere', () => {
  it.each(languages)('%s covers exactly the fourteen spheres', (code) => {
    expect(Object.keys(GUIDANCE[code]).sort()).toEqual([...SPHERES].sort());
  });

  it.each(languages)(
    '%s gives three to five points per sphere, none empty or over 280 characters',
    (code) => {
      for (const sphere of SPHERES) {
        const points = GUIDANCE[code][sphere].points;
        expect(points.length, `${code} ${sphere}`).toBeGreaterThanOrEqual(3);
        expect(points.length, `${code} ${sphere}`).toBeLessThanOrEqual(5);
        for (const point of points) {
          expect(point.trim(), `${code} ${sphere}`).not.toBe('');
          expect(point.length, `${code} ${sphere}: ${point}`).toBeLessThanOrEqual(280);
        }
        expect(new Set(points).size, `${code} ${sphere} repeats a point`).toBe(points.length);
      }
    },
  );

  it.each(languages.filter((code) => code !== 'en'))('%s is translated, point by point', (code) => {
    for (const sphere of SPHERES) {
      const english = GUIDANCE.en[sphere].points;
      const translated = GUIDANCE[code][sphere].points;
      expect(translated.length, `${code} ${sphere}`).toBe(english.length);
      translated.forEach((point, index) => {
        expect(point, `${code} ${sphere} point ${index + 1}`).not.toBe(english[index]);
      });
    }
  });
});
