/**
 * Headings and labels of her file printed as a PDF, in the languages her consent form is
 * printed in. Written for a reader who may not read easily: short, plain, addressed to her.
 * Values stay as recorded; only the words around them are translated.
 */
import type { TaskKind, TransparencyKind } from '@cope/contracts';
import type {
  CaseStatus,
  ConsentFormLanguage,
  ConsentMethod,
  ConsentPurpose,
  RetentionHoldReason,
  RiskLevel,
  Section,
  StaffRole,
} from '@cope/domain';
import { ca } from './texts/ca.js';
import { en } from './texts/en.js';
import { es } from './texts/es.js';
import { fr } from './texts/fr.js';
import { it } from './texts/it.js';
import { pt } from './texts/pt.js';
import { ro } from './texts/ro.js';

export interface ExportTexts {
  title: string;
  intro: (organization: string) => string;
  prepared: (date: string, by: string) => string;
  erased: string;
  /** Sections left out because only other professionals may open them. */
  omitted: (sections: string) => string;
  none: string;
  yes: string;
  no: string;
  system: string;
  times: (count: number) => string;
  headings: Record<
    | 'case'
    | 'identity'
    | 'records'
    | 'notes'
    | 'consents'
    | 'shares'
    | 'team'
    | 'handovers'
    | 'tasks'
    | 'holds'
    | 'accessLog',
    string
  >;
  labels: Record<
    | 'caseCode'
    | 'status'
    | 'openedAt'
    | 'riskLevel'
    | 'protectedWitness'
    | 'legalSituations'
    | 'referenceChanges'
    | 'preferredName'
    | 'legalName'
    | 'birthDate'
    | 'version'
    | 'updated'
    | 'by'
    | 'author'
    | 'privateNote'
    | 'purpose'
    | 'recipient'
    | 'dataCategories'
    | 'method'
    | 'language'
    | 'explainedBy'
    | 'givenOn'
    | 'expiresOn'
    | 'withdrawn'
    | 'withdrawalNote'
    | 'scans'
    | 'sharedWith'
    | 'onConsent'
    | 'emergency'
    | 'ended'
    | 'reference'
    | 'member'
    | 'since'
    | 'from'
    | 'to'
    | 'note'
    | 'due'
    | 'done'
    | 'open'
    | 'reason'
    | 'placedBy'
    | 'cleared',
    string
  >;
  status: Record<CaseStatus, string>;
  risk: Record<RiskLevel, string>;
  sections: Record<Section, string>;
  purposes: Record<ConsentPurpose, string>;
  methods: Record<ConsentMethod, string>;
  roles: Record<StaffRole, string>;
  taskKinds: Record<TaskKind | 'other', string>;
  holdReasons: Record<RetentionHoldReason, string>;
  accessKinds: Record<TransparencyKind, string>;
}

export const EXPORT_TEXTS: Record<ConsentFormLanguage, ExportTexts> = { en, es, it, ca, fr, pt, ro };
