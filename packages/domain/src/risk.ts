/**
 * Individual risk assessment (DOMAIN.md "Risk assessment"): the factors professionals record and
 * the rules that turn the answers into a level with its reasons. The rules are versioned: an
 * assessment keeps the version it was scored with, so a later change of rules never rescores it
 * silently. Professional judgment stays primary: the computed level is a floor a professional may
 * raise with a reason (lowering it needs a coordinator), decided outside this module.
 *
 * Rules of version 1, in plain words:
 * - each answer counts: "yes" fully, "unknown" half (never as "no"), "no" not at all;
 * - serious factors weigh 3, other factors 2, aggravating vulnerabilities 1;
 * - 8 points or more is critical, 5 high, 2 medium, below that low;
 * - floors that points cannot lower: a serious factor answered "yes" is at least high, two of
 *   them critical; threats together with traffickers knowing where she is are critical;
 *   collaboration with authorities, testimony or protected-witness status is never low.
 */
import type { RiskLevel } from './case.js';
import { RISK_LEVELS } from './case.js';
import type { TriState } from './vocabularies.js';

export const RISK_RULES_VERSION = 1;

/** The two questions (§2.1.1) and every factor DOMAIN.md lists, each answered yes / no / unknown. */
export const RISK_FACTORS = [
  // Question 1: how likely she or her relatives are to be harmed.
  'threats_to_her',
  'threats_to_family_here',
  'threats_to_family_origin',
  'trafficker_at_large',
  'trafficker_knows_location',
  'ongoing_contact',
  'phone_controlled',
  'debt',
  'lives_near_connected_people',
  'risk_area',
  'collaborates_with_authorities',
  'witness_or_testimony',
  // Question 2: how likely taking part in the programme exposes her.
  'same_network_participants',
  'exposure_through_programme',
  // Aggravating vulnerabilities.
  'irregular_status',
  'no_income',
  'pregnancy',
  'substance_use',
  'suicidal_ideation',
  'isolation',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export type RiskAnswers = Partial<Record<RiskFactor, TriState>>;

const SERIOUS: readonly RiskFactor[] = [
  'threats_to_her',
  'trafficker_knows_location',
  'ongoing_contact',
  'phone_controlled',
];
const VULNERABILITIES: readonly RiskFactor[] = [
  'irregular_status',
  'no_income',
  'pregnancy',
  'substance_use',
  'suicidal_ideation',
  'isolation',
];
const BACKLASH: readonly RiskFactor[] = ['collaborates_with_authorities', 'witness_or_testimony'];

function weight(factor: RiskFactor): number {
  if (SERIOUS.includes(factor)) return 3;
  if (VULNERABILITIES.includes(factor)) return 1;
  return 2;
}

const share = (answer: TriState | undefined): number =>
  answer === 'yes' ? 1 : answer === 'unknown' ? 0.5 : 0;

const THRESHOLDS: readonly [number, RiskLevel][] = [
  [8, 'critical'],
  [5, 'high'],
  [2, 'medium'],
];

const higher = (a: RiskLevel, b: RiskLevel): RiskLevel =>
  RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b;

export interface RiskScore {
  level: RiskLevel;
  points: number;
  /** Factors answered "yes" or "unknown", heaviest first: what the level rests on. */
  reasons: { factor: RiskFactor; answer: 'yes' | 'unknown' }[];
  ruleVersion: number;
}

/** Version 1 of the scoring rules (see the module comment). Unanswered factors count as unknown. */
export function scoreRisk(answers: RiskAnswers): RiskScore {
  const answerOf = (factor: RiskFactor): TriState => answers[factor] ?? 'unknown';
  let points = 0;
  for (const factor of RISK_FACTORS) points += weight(factor) * share(answerOf(factor));
  let level: RiskLevel = THRESHOLDS.find(([min]) => points >= min)?.[1] ?? 'low';
  const seriousYes = SERIOUS.filter((factor) => answerOf(factor) === 'yes').length;
  if (seriousYes >= 1) level = higher(level, 'high');
  if (seriousYes >= 2) level = 'critical';
  if (answerOf('threats_to_her') === 'yes' && answerOf('trafficker_knows_location') === 'yes')
    level = 'critical';
  if (BACKLASH.some((factor) => answerOf(factor) !== 'no')) level = higher(level, 'medium');
  const reasons = RISK_FACTORS.flatMap((factor) => {
    const answer = answerOf(factor);
    return answer === 'no' ? [] : [{ factor, answer }];
  }).sort((a, b) => weight(b.factor) * share(b.answer) - weight(a.factor) * share(a.answer));
  return { level, points, reasons, ruleVersion: RISK_RULES_VERSION };
}

/** Days until the next reassessment by level (DOMAIN.md defaults; organizations may change them). */
export const DEFAULT_REASSESSMENT_DAYS: Record<RiskLevel, number> = {
  critical: 14,
  high: 30,
  medium: 90,
  low: 180,
};
