/**
 * What is wrong with a draft before it is sent, and where: the plan's rules (domain checkPlan) in
 * the interface language, then the payload schema as a last guard; the server's field paths
 * (goals.0.steps.1.targetOn) are read the same way, so a problem names its goal and step.
 */
import { type TFieldIssue, type TPlanGoal, ZPlanDraftSave } from '@cope/contracts';
import { checkPlan, type PlanContent, type PlanProblemKind } from '@cope/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type DraftContent = PlanContent & { goals: TPlanGoal[] };

/**
 * A new id for a goal or a step. Browsers offer randomUUID only in a secure context (HTTPS or
 * localhost); an office server reached over plain HTTP on its own network gets the same kind of id
 * from getRandomValues, which every browser has.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function useProblemMessages(): Record<PlanProblemKind, string> {
  const { t } = useTranslation();
  return {
    owner_missing: t('plan.problem.ownerMissing'),
    target_before_start: t('plan.problem.targetBeforeStart'),
    target_beyond_horizon: t('plan.problem.targetBeyondHorizon'),
    dropped_without_reason: t('plan.problem.droppedWithoutReason'),
    duplicate_id: t('plan.problem.duplicateId'),
  };
}

/** Every problem of a draft, field by field; empty when it may be sent. */
export function useDraftProblems(): (content: DraftContent) => TFieldIssue[] {
  const messages = useProblemMessages();
  return useCallback(
    (content: DraftContent) => {
      const rules = checkPlan(content).map(({ field, problem }) => ({ field, message: messages[problem] }));
      if (rules.length > 0) return rules;
      const parsed = ZPlanDraftSave.safeParse({ revision: 1, ...content });
      if (parsed.success) return [];
      return parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
    },
    [messages],
  );
}

/** Where a field path points: its goal and step indexes, when it names them. */
export function locate(field: string): { goal: number | null; step: number | null } {
  const match = /^goals\.(\d+)(?:\.steps\.(\d+))?/.exec(field);
  return {
    goal: match?.[1] !== undefined ? Number(match[1]) : null,
    step: match?.[2] !== undefined ? Number(match[2]) : null,
  };
}

/** "Goal “Find a flat”, step “Visit the housing office”: …" — a problem with its place named. */
export function useNamedIssue(): (issue: TFieldIssue, content: DraftContent) => string {
  const { t } = useTranslation();
  return useCallback(
    (issue: TFieldIssue, content: DraftContent) => {
      const { goal, step } = locate(issue.field);
      const theGoal = goal === null ? undefined : content.goals[goal];
      const theStep = step === null ? undefined : theGoal?.steps[step];
      if (theGoal && theStep)
        return t('plan.problem.atStep', { goal: theGoal.text, step: theStep.what, message: issue.message });
      if (theGoal) return t('plan.problem.atGoal', { goal: theGoal.text, message: issue.message });
      if (issue.field === 'startsOn') return t('plan.problem.atStart', { message: issue.message });
      return issue.message;
    },
    [t],
  );
}
