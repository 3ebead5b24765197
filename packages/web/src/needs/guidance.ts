/**
 * "What helps": a few recommendations per sphere, written in our own words from the practice
 * report (DOMAIN.md "The fourteen spheres"). Content, not interface text: one file per staff
 * language, each complete (guidance.test.ts checks it), shown in the language of the interface.
 */
import type { Sphere } from '@cope/domain';
import { type LanguageCode, matchLanguage } from '../i18n/languages';
import ca from './guidance/ca.json';
import en from './guidance/en.json';
import es from './guidance/es.json';
import it from './guidance/it.json';

export type Guidance = Record<Sphere, { points: string[] }>;

// Typed here, so a sphere missing from a file fails to compile as well as in the test.
export const GUIDANCE: Record<LanguageCode, Guidance> = { en, es, it, ca };

export function guidanceFor(language: string | undefined, sphere: Sphere): string[] {
  return GUIDANCE[matchLanguage(language) ?? 'en'][sphere].points;
}
