/**
 * The words around her printed plan, one file per language she may read it in. Written for a
 * reader who may not read easily: short sentences, everyday words, in her own voice ("my plan").
 * Every language gives every text: a missing one fails to compile.
 */
import type { StepStatus, StepSupport } from '@cope/domain';

export interface PlanPdfTexts {
  title: string;
  version: (version: number) => string;
  printedOn: (date: string) => string;
  startsOn: (date: string) => string;
  intro: string;
  /** The step's owner when she does it herself. */
  me: string;
  /** "by when", before the target date. */
  by: (date: string) => string;
  status: Record<StepStatus, string>;
  helps: string;
  supports: Record<StepSupport, string>;
  noSteps: string;
  noGoals: string;
  victories: string;
  noVictories: string;
  agreementHeading: string;
  signed: (date: string) => string;
  witnessed: (date: string) => string;
  notAgreed: string;
}
