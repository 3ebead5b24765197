/**
 * Her individual integration plan (DOMAIN.md "Individual integration plan"): goals in her own
 * words per sphere, each with steps — what, who (herself, someone of her team, a partner
 * organization), by when, where it stands, what support it needs. The plan is reviewed, never
 * abandoned: every review is a new version, older versions stay readable, and what changed
 * between two versions is computed here (planDiff).
 */
import type { Sphere } from './spheres.js';

export const STEP_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const STEP_OWNER_KINDS = ['herself', 'staff', 'partner'] as const;
export type StepOwnerKind = (typeof STEP_OWNER_KINDS)[number];

export const STEP_SUPPORTS = ['childcare', 'transport_money', 'interpreter'] as const;
export type StepSupport = (typeof STEP_SUPPORTS)[number];

/** How far ahead a plan looks: about two years (the report's long-term horizon). */
export const PLAN_HORIZON_MONTHS = 24;

export const AGREEMENT_METHODS = ['signature', 'verbal_witnessed'] as const;
export type AgreementMethod = (typeof AGREEMENT_METHODS)[number];

export interface StepOwner {
  kind: StepOwnerKind;
  /** The staff member, when `kind` is staff. */
  userId?: string | null;
  /** The partner organization's name, when `kind` is partner (linked once the network exists). */
  partnerName?: string | null;
}

export interface PlanStep {
  id: string;
  what: string;
  owner: StepOwner;
  /** ISO date. */
  targetOn: string;
  status: StepStatus;
  droppedReason?: string | null;
  supports: StepSupport[];
}

export interface PlanGoal {
  id: string;
  sphere: Sphere;
  /** The goal as she says it. */
  text: string;
  steps: PlanStep[];
}

export interface PlanContent {
  /** ISO date the plan starts. */
  startsOn: string;
  goals: PlanGoal[];
}

export type PlanProblemKind =
  | 'owner_missing'
  | 'target_before_start'
  | 'target_beyond_horizon'
  | 'dropped_without_reason'
  | 'duplicate_id';

export interface PlanProblem {
  /** Path of the field, e.g. goals.0.steps.1.targetOn. */
  field: string;
  problem: PlanProblemKind;
}

/** The last day a plan starting on `startsOn` may target (its horizon). */
export function planHorizonEnd(startsOn: string): string {
  const start = new Date(`${startsOn}T00:00:00Z`);
  const end = new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + PLAN_HORIZON_MONTHS, start.getUTCDate()),
  );
  return end.toISOString().slice(0, 10);
}

/** Everything that makes a plan unfit to save, field by field (empty when the plan is sound). */
export function checkPlan(plan: PlanContent): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const horizon = planHorizonEnd(plan.startsOn);
  const ids = new Set<string>();
  const once = (id: string, field: string) => {
    if (ids.has(id)) problems.push({ field, problem: 'duplicate_id' });
    ids.add(id);
  };
  plan.goals.forEach((goal, g) => {
    once(goal.id, `goals.${g}.id`);
    goal.steps.forEach((step, s) => {
      const at = `goals.${g}.steps.${s}`;
      once(step.id, `${at}.id`);
      const { owner } = step;
      const named =
        owner.kind === 'herself' ||
        (owner.kind === 'staff' && Boolean(owner.userId)) ||
        (owner.kind === 'partner' && Boolean(owner.partnerName?.trim()));
      if (!named) problems.push({ field: `${at}.owner`, problem: 'owner_missing' });
      // A step already done or dropped keeps its date when a review moves the start later.
      const settled = step.status === 'done' || step.status === 'dropped';
      if (step.targetOn < plan.startsOn && !settled)
        problems.push({ field: `${at}.targetOn`, problem: 'target_before_start' });
      else if (step.targetOn > horizon)
        problems.push({ field: `${at}.targetOn`, problem: 'target_beyond_horizon' });
      if (step.status === 'dropped' && !step.droppedReason?.trim())
        problems.push({ field: `${at}.droppedReason`, problem: 'dropped_without_reason' });
    });
  });
  return problems;
}

export type PlanChange =
  | { kind: 'start_moved'; from: string; to: string }
  | { kind: 'goal_added'; goalId: string; sphere: Sphere; text: string }
  | { kind: 'goal_removed'; goalId: string; sphere: Sphere; text: string }
  | { kind: 'goal_reworded'; goalId: string; sphere: Sphere; from: string; to: string }
  | { kind: 'goal_moved'; goalId: string; from: Sphere; to: Sphere }
  | { kind: 'step_added'; goalId: string; stepId: string; what: string }
  | { kind: 'step_removed'; goalId: string; stepId: string; what: string }
  | {
      kind: 'step_changed';
      goalId: string;
      stepId: string;
      what: string;
      field: 'what' | 'owner' | 'targetOn' | 'status' | 'supports' | 'droppedReason';
      from: string;
      to: string;
    };

const ownerText = (owner: StepOwner) =>
  owner.kind === 'staff'
    ? `staff:${owner.userId ?? ''}`
    : owner.kind === 'partner'
      ? `partner:${owner.partnerName ?? ''}`
      : 'herself';

/**
 * What changed from one version of her plan to the next, goal by goal and step by step. Goals and
 * steps keep their id across versions, so a reworded goal reads as reworded, not as removed and
 * added again.
 */
export function planDiff(before: PlanContent, after: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  if (before.startsOn !== after.startsOn)
    changes.push({ kind: 'start_moved', from: before.startsOn, to: after.startsOn });
  const oldGoals = new Map(before.goals.map((goal) => [goal.id, goal]));
  const newIds = new Set(after.goals.map((goal) => goal.id));
  for (const goal of before.goals) {
    if (!newIds.has(goal.id))
      changes.push({ kind: 'goal_removed', goalId: goal.id, sphere: goal.sphere, text: goal.text });
  }
  for (const goal of after.goals) {
    const old = oldGoals.get(goal.id);
    if (!old) {
      changes.push({ kind: 'goal_added', goalId: goal.id, sphere: goal.sphere, text: goal.text });
      for (const step of goal.steps)
        changes.push({ kind: 'step_added', goalId: goal.id, stepId: step.id, what: step.what });
      continue;
    }
    if (old.sphere !== goal.sphere)
      changes.push({ kind: 'goal_moved', goalId: goal.id, from: old.sphere, to: goal.sphere });
    if (old.text !== goal.text)
      changes.push({
        kind: 'goal_reworded',
        goalId: goal.id,
        sphere: goal.sphere,
        from: old.text,
        to: goal.text,
      });
    const oldSteps = new Map(old.steps.map((step) => [step.id, step]));
    const newStepIds = new Set(goal.steps.map((step) => step.id));
    for (const step of old.steps) {
      if (!newStepIds.has(step.id))
        changes.push({ kind: 'step_removed', goalId: goal.id, stepId: step.id, what: step.what });
    }
    for (const step of goal.steps) {
      const was = oldSteps.get(step.id);
      if (!was) {
        changes.push({ kind: 'step_added', goalId: goal.id, stepId: step.id, what: step.what });
        continue;
      }
      const pairs: [
        PlanChange & { kind: 'step_changed' } extends { field: infer F } ? F : never,
        string,
        string,
      ][] = [
        ['what', was.what, step.what],
        ['owner', ownerText(was.owner), ownerText(step.owner)],
        ['targetOn', was.targetOn, step.targetOn],
        ['status', was.status, step.status],
        ['supports', [...was.supports].sort().join(','), [...step.supports].sort().join(',')],
        ['droppedReason', was.droppedReason ?? '', step.droppedReason ?? ''],
      ];
      for (const [field, from, to] of pairs) {
        if (from !== to)
          changes.push({
            kind: 'step_changed',
            goalId: goal.id,
            stepId: step.id,
            what: step.what,
            field,
            from,
            to,
          });
      }
    }
  }
  return changes;
}

/** A new version's starting point: the agreed plan as it stands, or an empty plan from today. */
export function nextPlanDraft(current: PlanContent | null, today: string): PlanContent {
  if (!current) return { startsOn: today, goals: [] };
  return JSON.parse(JSON.stringify(current)) as PlanContent;
}
