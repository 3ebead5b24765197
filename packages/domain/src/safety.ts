/**
 * Safety vocabulary and the pure rules around an assessment (DOMAIN.md "Risk assessment"):
 * what makes an assessment stale, what an event says about the factors, how a professional's
 * judgment relates to the computed level, and when the next reassessment is due.
 */
import type { RiskLevel } from './case.js';
import { RISK_LEVELS } from './case.js';
import {
  DEFAULT_REASSESSMENT_DAYS,
  RISK_FACTORS,
  type RiskAnswers,
  type RiskFactor,
  scoreRisk,
} from './risk.js';

/**
 * Events that invalidate her last assessment, wherever they are recorded (now and in later
 * modules): each marks the assessment stale and makes a reassessment due at once.
 */
export const REASSESSMENT_TRIGGERS = [
  'residence_changed',
  'venue_changed',
  'legal_changed',
  'collaboration_started',
  'witness_status',
  'incident',
  'trafficker_contact',
  'group_enrolment',
  'risk_area_nearby',
] as const;
export type ReassessmentTrigger = (typeof REASSESSMENT_TRIGGERS)[number];

/**
 * What an event tells about the factors at once, before anyone reassesses: the level shown in
 * the meantime is the last assessment rescored with these answers, never lower than it was.
 */
const FACTORS_RAISED: Partial<Record<ReassessmentTrigger, RiskFactor[]>> = {
  collaboration_started: ['collaborates_with_authorities'],
  witness_status: ['witness_or_testimony'],
  trafficker_contact: ['ongoing_contact'],
  risk_area_nearby: ['risk_area'],
};

export function factorsRaisedBy(trigger: ReassessmentTrigger): RiskFactor[] {
  return FACTORS_RAISED[trigger] ?? [];
}

const rank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);
export const higherLevel = (a: RiskLevel, b: RiskLevel): RiskLevel => (rank(a) >= rank(b) ? a : b);

/**
 * The level to show after an event, until the reassessment: the higher of the current level
 * and the last answers rescored with the raised factors set to "yes". Without any assessment,
 * the raised factors are scored alone (every other factor "no"), as a floor.
 */
export function provisionalLevel(
  current: { level: RiskLevel | null; answers: RiskAnswers | null },
  raised: readonly RiskFactor[],
): RiskLevel | null {
  if (raised.length === 0) return current.level;
  const base: RiskAnswers = current.answers ?? allNo();
  const rescored = scoreRisk({ ...base, ...Object.fromEntries(raised.map((f) => [f, 'yes'])) }).level;
  return current.level ? higherLevel(current.level, rescored) : rescored;
}

function allNo(): RiskAnswers {
  return Object.fromEntries(RISK_FACTORS.map((factor) => [factor, 'no'])) as RiskAnswers;
}

/** How the level a professional chose relates to the computed one. */
export type OverrideKind = 'none' | 'raise' | 'lower';
export function overrideKind(computed: RiskLevel, chosen: RiskLevel): OverrideKind {
  if (rank(chosen) > rank(computed)) return 'raise';
  if (rank(chosen) < rank(computed)) return 'lower';
  return 'none';
}

/** Days until the next reassessment by level; an organization may change any of them. */
export type ReassessmentDays = Record<RiskLevel, number>;

export interface SafetySettings {
  reassessmentDays: ReassessmentDays;
  /** An address closer than this to a risk area is flagged as near it. */
  nearAreaMeters: number;
}

export const DEFAULT_SAFETY_SETTINGS: SafetySettings = {
  reassessmentDays: DEFAULT_REASSESSMENT_DAYS,
  nearAreaMeters: 300,
};

export function safetySettingsOf(stored: Partial<SafetySettings> | null | undefined): SafetySettings {
  return {
    reassessmentDays: { ...DEFAULT_SAFETY_SETTINGS.reassessmentDays, ...(stored?.reassessmentDays ?? {}) },
    nearAreaMeters: stored?.nearAreaMeters ?? DEFAULT_SAFETY_SETTINGS.nearAreaMeters,
  };
}

/** The date (yyyy-mm-dd) the next periodic reassessment falls due. */
export function reassessmentDueOn(assessedOn: string, level: RiskLevel, days: ReassessmentDays): string {
  const date = new Date(`${assessedOn}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days[level]);
  return date.toISOString().slice(0, 10);
}

/** Measures of a risk management plan. */
export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Kinds of risk areas coordinators draw. */
export const RISK_AREA_CATEGORIES = [
  'network_activity',
  'exploitation_venue',
  'connected_people',
  'other',
] as const;
export type RiskAreaCategory = (typeof RISK_AREA_CATEGORIES)[number];

/** Places recorded for her; a new home is a change of residence, a new venue a change of area. */
export const PLACE_KINDS = ['home', 'training_venue', 'workplace', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export function placeTrigger(kind: PlaceKind): ReassessmentTrigger {
  return kind === 'home' ? 'residence_changed' : 'venue_changed';
}

/** Incidents in her case's log. */
export const INCIDENT_KINDS = [
  'threat',
  'contact_attempt',
  'violence',
  'suspicious_person',
  'phone_taken',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** The trigger an incident publishes: contact from traffickers is named as such. */
export function incidentTrigger(kind: IncidentKind): ReassessmentTrigger {
  return kind === 'contact_attempt' ? 'trafficker_contact' : 'incident';
}
