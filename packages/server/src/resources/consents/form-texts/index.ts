import type { ConsentFormLanguage } from '@cope/domain';
import { ca } from './ca.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { pt } from './pt.js';
import { ro } from './ro.js';
import type { ConsentFormTexts } from './types.js';

export type { ConsentFormTexts } from './types.js';

export const FORM_TEXTS: Record<ConsentFormLanguage, ConsentFormTexts> = { en, es, it, ca, fr, pt, ro };
