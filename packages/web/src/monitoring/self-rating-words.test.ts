import { CONSENT_FORM_LANGUAGES } from '@cope/domain';
import { describe, expect, it } from 'vitest';
import { PARTICIPANT_LANGUAGE_ORDER, SELF_RATING_WORDS } from './self-rating-words';

const languages = [...CONSENT_FORM_LANGUAGES];
const keys = Object.keys(SELF_RATING_WORDS.en).sort();

describe('the words of her self-rating screen', () => {
  it('offers every language her own words exist in, each once', () => {
    expect([...PARTICIPANT_LANGUAGE_ORDER].sort()).toEqual([...languages].sort());
    expect(Object.keys(SELF_RATING_WORDS).sort()).toEqual([...languages].sort());
  });

  it.each(languages)('%s has every word, written out', (language) => {
    const words = SELF_RATING_WORDS[language];
    expect(Object.keys(words).sort()).toEqual(keys);
    for (const [key, value] of Object.entries(words)) {
      const text = typeof value === 'function' ? value(3, 14) : value;
      expect(typeof text, `${language}.${key}`).toBe('string');
      expect(text.trim(), `${language}.${key}`).toBe(text);
      expect(text.length, `${language}.${key}`).toBeGreaterThan(0);
    }
    expect(words.progress(3, 14)).toContain('3');
    expect(words.progress(3, 14)).toContain('14');
  });

  it('is translated: no language but English reuses the English words of the longer texts', () => {
    for (const language of languages.filter((code) => code !== 'en')) {
      const words = SELF_RATING_WORDS[language];
      for (const key of ['chooseLanguage', 'touchAFace', 'reviewText', 'thankYouText', 'handBack'] as const) {
        expect(words[key], `${language}.${key}`).not.toBe(SELF_RATING_WORDS.en[key]);
      }
    }
  });

  it('names every language in its own words, all different', () => {
    const names = languages.map((language) => SELF_RATING_WORDS[language].languageName);
    expect(new Set(names).size).toBe(languages.length);
  });
});
