/** Her printed plan's words in every language her documents are printed in. */
import type { ParticipantLanguage } from '@cope/domain';
import { ca } from './ca.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { pt } from './pt.js';
import { ro } from './ro.js';
import type { PlanPdfTexts } from './types.js';

export type { PlanPdfTexts } from './types.js';

export const PLAN_PDF_TEXTS: Record<ParticipantLanguage, PlanPdfTexts> = { en, es, it, ca, fr, pt, ro };
