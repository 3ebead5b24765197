import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  nextPlanDraft,
  type PlanContent,
  type PlanStep,
  planDiff,
  planHorizonEnd,
} from './plan.js';

const step = (id: string, change: Partial<PlanStep> = {}): PlanStep => ({
  id,
  what: 'Enrol in the Spanish course',
  owner: { kind: 'herself' },
  targetOn: '2026-03-01',
  status: 'planned',
  supports: [],
  ...change,
});

const plan = (steps: PlanStep[] = [step('s1'), step('s2', { what: 'Buy a bus pass' })]): PlanContent => ({
  startsOn: '2026-01-10',
  goals: [{ id: 'g1', sphere: 'education', text: 'I want to speak Spanish at work', steps }],
});

describe('plan horizon', () => {
  it('reaches two years after the start', () => {
    expect(planHorizonEnd('2026-01-10')).toBe('2028-01-10');
    expect(planHorizonEnd('2025-12-31')).toBe('2027-12-31');
  });
});

describe('checkPlan', () => {
  it('finds nothing wrong with a sound plan, nor with an empty one', () => {
    expect(checkPlan(plan())).toEqual([]);
    expect(checkPlan({ startsOn: '2026-01-10', goals: [] })).toEqual([]);
  });

  it('names a step whose owner is not said: a team member without a person, a partner without a name', () => {
    const problems = checkPlan(
      plan([
        step('s1', { owner: { kind: 'staff', userId: null } }),
        step('s2', { owner: { kind: 'partner', partnerName: '   ' } }),
        step('s3', { owner: { kind: 'staff', userId: 'u1' } }),
        step('s4', { owner: { kind: 'partner', partnerName: 'Language school' } }),
      ]),
    );
    expect(problems).toEqual([
      { field: 'goals.0.steps.0.owner', problem: 'owner_missing' },
      { field: 'goals.0.steps.1.owner', problem: 'owner_missing' },
    ]);
  });

  it('names a target before the start, and one beyond the two-year horizon (the last day is allowed)', () => {
    expect(
      checkPlan(
        plan([
          step('s1', { targetOn: '2026-01-09' }),
          step('s2', { targetOn: '2028-01-11' }),
          step('s3', { targetOn: '2028-01-10' }),
          step('s4', { targetOn: '2026-01-10' }),
        ]),
      ),
    ).toEqual([
      { field: 'goals.0.steps.0.targetOn', problem: 'target_before_start' },
      { field: 'goals.0.steps.1.targetOn', problem: 'target_beyond_horizon' },
    ]);
  });

  it('lets a step already done or dropped keep a date before a later start', () => {
    expect(
      checkPlan(
        plan([
          step('s1', { targetOn: '2025-11-02', status: 'done' }),
          step('s2', {
            targetOn: '2025-11-02',
            status: 'dropped',
            droppedReason: 'She chose another course',
          }),
          step('s3', { targetOn: '2025-11-02', status: 'in_progress' }),
        ]),
      ),
    ).toEqual([{ field: 'goals.0.steps.2.targetOn', problem: 'target_before_start' }]);
  });

  it('asks why a step was dropped', () => {
    expect(
      checkPlan(
        plan([
          step('s1', { status: 'dropped', droppedReason: ' ' }),
          step('s2', { status: 'dropped', droppedReason: 'She moved' }),
        ]),
      ),
    ).toEqual([{ field: 'goals.0.steps.0.droppedReason', problem: 'dropped_without_reason' }]);
  });

  it('names an id used twice, for goals and steps alike', () => {
    const content = plan([step('s1'), step('s1')]);
    content.goals.push({ id: 'g1', sphere: 'housing', text: 'A room of my own', steps: [] });
    expect(checkPlan(content)).toEqual([
      { field: 'goals.0.steps.1.id', problem: 'duplicate_id' },
      { field: 'goals.1.id', problem: 'duplicate_id' },
    ]);
  });
});

describe('planDiff', () => {
  it('finds nothing between a plan and its copy', () => {
    expect(planDiff(plan(), nextPlanDraft(plan(), '2026-05-01'))).toEqual([]);
  });

  it('reads a reworded goal as reworded, not as removed and added', () => {
    const after = plan();
    const goal = after.goals[0];
    if (!goal) throw new Error('the plan lost its goal');
    goal.text = 'I want to speak Spanish with my neighbours';
    expect(planDiff(plan(), after)).toEqual([
      {
        kind: 'goal_reworded',
        goalId: 'g1',
        sphere: 'education',
        from: 'I want to speak Spanish at work',
        to: 'I want to speak Spanish with my neighbours',
      },
    ]);
  });

  it('reports a step whose status changed, and only that', () => {
    const after = plan([step('s1', { status: 'done' }), step('s2', { what: 'Buy a bus pass' })]);
    expect(planDiff(plan(), after)).toEqual([
      {
        kind: 'step_changed',
        goalId: 'g1',
        stepId: 's1',
        what: 'Enrol in the Spanish course',
        field: 'status',
        from: 'planned',
        to: 'done',
      },
    ]);
  });

  it('reports added and removed steps', () => {
    const after = plan([step('s1'), step('s3', { what: 'Sit the A2 exam' })]);
    expect(planDiff(plan(), after)).toEqual([
      { kind: 'step_removed', goalId: 'g1', stepId: 's2', what: 'Buy a bus pass' },
      { kind: 'step_added', goalId: 'g1', stepId: 's3', what: 'Sit the A2 exam' },
    ]);
  });

  it('does not see a change in the order supports were ticked', () => {
    const before = plan([step('s1', { supports: ['childcare', 'interpreter'] })]);
    const after = plan([step('s1', { supports: ['interpreter', 'childcare'] })]);
    expect(planDiff(before, after)).toEqual([]);
  });
});

describe('nextPlanDraft', () => {
  it('starts an empty plan from today when none was agreed', () => {
    expect(nextPlanDraft(null, '2026-04-02')).toEqual({ startsOn: '2026-04-02', goals: [] });
  });

  it('copies the agreed plan deeply: changing the draft leaves the agreed version as it was', () => {
    const agreed = plan();
    const draft = nextPlanDraft(agreed, '2026-04-02');
    expect(draft).toEqual(agreed);
    const first = draft.goals[0];
    if (!first?.steps[0]) throw new Error('the copy lost its steps');
    first.text = 'Changed';
    first.steps[0].status = 'done';
    first.steps[0].supports.push('interpreter');
    expect(agreed.goals[0]?.text).toBe('I want to speak Spanish at work');
    expect(agreed.goals[0]?.steps[0]?.status).toBe('planned');
    expect(agreed.goals[0]?.steps[0]?.supports).toEqual([]);
  });
});
