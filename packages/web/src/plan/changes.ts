/** What changed between two versions of her plan, said in plain sentences (domain planDiff). */
import type { PlanChange, Sphere, StepStatus, StepSupport } from '@cope/domain';
import { STEP_STATUSES, STEP_SUPPORTS } from '@cope/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDate } from '../itinerary/dates';
import { useSphereLabels } from '../itinerary/spheres';
import { useDateFormatter } from '../participants/labels';
import { type Person, useStepStatusLabels, useSupportLabels } from './labels';

/** planDiff writes who does a step as herself, staff:<id> or partner:<name>. */
function useOwnerWords(team: readonly Person[]): (value: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (value: string) => {
      if (value === 'herself') return t('plan.owner.herself');
      if (value.startsWith('partner:')) return value.slice('partner:'.length) || t('plan.owner.partner');
      const id = value.slice('staff:'.length);
      return team.find((person) => person.id === id)?.displayName ?? t('plan.owner.staff');
    },
    [t, team],
  );
}

export function useChangeSentence(
  team: readonly Person[],
  /** The goal's words, for a goal that changed sphere (planDiff names it by id). */
  goalText: (goalId: string) => string,
): (change: PlanChange) => string {
  const { t } = useTranslation();
  const spheres = useSphereLabels();
  const statuses = useStepStatusLabels();
  const supports = useSupportLabels();
  const formatDate = useDateFormatter();
  const owner = useOwnerWords(team);
  return useCallback(
    (change: PlanChange) => {
      const sphere = (value: Sphere) => spheres[value];
      const date = (iso: string) => (iso ? formatDate(calendarDate(iso)) : t('plan.changes.none'));
      const status = (value: string) =>
        (STEP_STATUSES as readonly string[]).includes(value) ? statuses[value as StepStatus] : value;
      const supportList = (value: string) =>
        value
          ? value
              .split(',')
              .map((code) =>
                (STEP_SUPPORTS as readonly string[]).includes(code) ? supports[code as StepSupport] : code,
              )
              .join(', ')
          : t('plan.changes.none');
      switch (change.kind) {
        case 'start_moved':
          return t('plan.changes.startMoved', { from: date(change.from), to: date(change.to) });
        case 'goal_added':
          return t('plan.changes.goalAdded', { sphere: sphere(change.sphere), text: change.text });
        case 'goal_removed':
          return t('plan.changes.goalRemoved', { sphere: sphere(change.sphere), text: change.text });
        case 'goal_reworded':
          return t('plan.changes.goalReworded', {
            sphere: sphere(change.sphere),
            from: change.from,
            to: change.to,
          });
        case 'goal_moved':
          return t('plan.changes.goalMoved', {
            text: goalText(change.goalId),
            from: sphere(change.from),
            to: sphere(change.to),
          });
        case 'step_added':
          return t('plan.changes.stepAdded', { what: change.what });
        case 'step_removed':
          return t('plan.changes.stepRemoved', { what: change.what });
        case 'step_changed': {
          const what = change.what;
          switch (change.field) {
            case 'what':
              return t('plan.changes.stepReworded', { from: change.from, to: change.to });
            case 'owner':
              return t('plan.changes.stepOwner', { what, from: owner(change.from), to: owner(change.to) });
            case 'targetOn':
              return t('plan.changes.stepTarget', { what, from: date(change.from), to: date(change.to) });
            case 'status':
              return t('plan.changes.stepStatus', { what, from: status(change.from), to: status(change.to) });
            case 'supports':
              return t('plan.changes.stepSupports', {
                what,
                from: supportList(change.from),
                to: supportList(change.to),
              });
            case 'droppedReason':
              return t('plan.changes.stepReason', {
                what,
                from: change.from || t('plan.changes.none'),
                to: change.to || t('plan.changes.none'),
              });
          }
        }
      }
    },
    [formatDate, goalText, owner, spheres, statuses, supports, t],
  );
}
