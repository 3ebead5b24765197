/**
 * Intake: the steps a professional walks through when she opens a case, each saved as a draft,
 * and the plausibility rules for the dates she types. Each step's answers belong to one case
 * section, so access to them follows the section matrix.
 */
import type { Section } from './sections.js';

export const INTAKE_STEPS = [
  'person',
  'languages',
  'journey',
  'legal',
  'family',
  'contact',
  'screening',
] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

/** Where each step's answers are kept. */
export const INTAKE_STEP_SECTION: Record<IntakeStep, Section> = {
  person: 'identity',
  languages: 'identity',
  journey: 'trafficking_network',
  legal: 'legal',
  family: 'family',
  contact: 'identity',
  screening: 'safety',
};

/** The oldest and youngest ages accepted for a woman supported. */
export const MIN_AGE = 10;
export const MAX_AGE = 110;

export type DateProblem = 'invalid' | 'in_future' | 'too_old' | 'too_young' | 'before_birth';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whole years between two ISO dates. */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

export function checkBirthDate(value: string, today: string): DateProblem | null {
  if (!isIsoDate(value)) return 'invalid';
  if (value > today) return 'in_future';
  const age = yearsBetween(value, today);
  if (age > MAX_AGE) return 'too_old';
  if (age < MIN_AGE) return 'too_young';
  return null;
}

export function checkApproximateAge(age: number): DateProblem | null {
  if (!Number.isInteger(age)) return 'invalid';
  if (age > MAX_AGE) return 'too_old';
  if (age < MIN_AGE) return 'too_young';
  return null;
}

/** A past event (arrival in the country): not in the future, not before she was born. */
export function checkPastDate(value: string, today: string, birthDate?: string | null): DateProblem | null {
  if (!isIsoDate(value)) return 'invalid';
  if (value > today) return 'in_future';
  if (birthDate && isIsoDate(birthDate) && value < birthDate) return 'before_birth';
  if (yearsBetween(value, today) > MAX_AGE) return 'too_old';
  return null;
}

/** First-screening answers that call for a full risk assessment within a day rather than a week. */
export function screeningUrgency(answers: readonly ('yes' | 'no' | 'unknown')[]): 'urgent' | 'soon' {
  return answers.some((answer) => answer === 'yes') ? 'urgent' : 'soon';
}

/** Reasons that keep a case from being erased until an administrator clears them. */
export const RETENTION_HOLD_REASONS = [
  'legal_proceedings',
  'safeguarding_inquiry',
  'funder_audit',
  'other',
] as const;
export type RetentionHoldReason = (typeof RETENTION_HOLD_REASONS)[number];
