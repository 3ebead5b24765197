/** Case lifecycle and risk vocabularies shared by every module. */
export const CASE_STATUSES = ['intake', 'active', 'on_hold', 'closed', 'follow_up'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Ordering used when sorting or comparing levels: higher is more dangerous. */
export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}
