/**
 * The plan under review, written with her: when it starts, her goals per sphere in her words and
 * the steps of each. Every change saves the whole draft at once; problems are said on the goal or
 * step they belong to, and listed with their goal and step named. Her agreement turns the draft
 * into the plan in force; the draft can also be discarded.
 */
import type { TPlanGoal, TPlanStep, TPlanVersion } from '@cope/contracts';
import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconSignature, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ConfirmDialog } from '../auth/ConfirmDialog';
import { LeaveGuard } from '../itinerary/LeaveGuard';
import { AgreementModal } from './AgreementModal';
import { discardDraft } from './api';
import { GoalCard, GoalsBySphere, StepLine } from './GoalList';
import { GoalModal } from './GoalModal';
import { type Person, useOwnerName } from './labels';
import { locate, useNamedIssue } from './problems';
import { StepModal } from './StepModal';
import { useDraftSaver } from './use-draft-saver';

type Editing =
  | { kind: 'goal'; index: number | null }
  | { kind: 'step'; goal: number; step: number | null }
  | { kind: 'removeGoal'; goal: number }
  | { kind: 'removeStep'; goal: number; step: number }
  | { kind: 'discard' }
  | { kind: 'agree' }
  | null;

export function DraftEditor({
  participantId,
  draft,
  team,
  previousAgreedOn,
  onStale,
  onAgreed,
  onDiscarded,
}: {
  participantId: string;
  draft: TPlanVersion;
  team: readonly Person[];
  /** When she agreed to the plan in force: her agreement to this draft cannot be dated earlier. */
  previousAgreedOn: string | null;
  onStale: (error: unknown) => void;
  onAgreed: (version: TPlanVersion) => void;
  onDiscarded: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const ownerName = useOwnerName(team);
  const namedIssue = useNamedIssue();
  const saver = useDraftSaver(participantId, draft, onStale);
  const { content, state } = saver;
  const [editing, setEditing] = useState<Editing>(null);
  const [startsOn, setStartsOn] = useState(content.startsOn);
  useEffect(() => setStartsOn(content.startsOn), [content.startsOn]);
  const discard = useMutation({ mutationFn: () => discardDraft(participantId), onSuccess: onDiscarded });

  const issues = state.kind === 'invalid' ? state.issues : [];
  const issueAt = (goal: number, step: number | null) =>
    issues.find((issue) => {
      const at = locate(issue.field);
      return at.goal === goal && at.step === step;
    })?.message;
  const startIssue = issues.find((issue) => issue.field === 'startsOn')?.message;

  const setGoals = (goals: TPlanGoal[]) => saver.change({ ...content, goals });
  const putGoal = (index: number | null, goal: TPlanGoal) =>
    setGoals(
      index === null ? [...content.goals, goal] : content.goals.map((g, i) => (i === index ? goal : g)),
    );
  const putStep = (goalIndex: number, stepIndex: number | null, step: TPlanStep) => {
    const goal = content.goals[goalIndex];
    if (!goal) return;
    const steps =
      stepIndex === null ? [...goal.steps, step] : goal.steps.map((s, i) => (i === stepIndex ? step : s));
    putGoal(goalIndex, { ...goal, steps });
  };
  const commitStart = () => {
    if (startsOn && startsOn !== content.startsOn) saver.change({ ...content, startsOn });
  };

  const editingGoal = editing && 'goal' in editing ? content.goals[editing.goal] : undefined;
  const editingStep =
    editing?.kind === 'step' && editing.step !== null ? (editingGoal?.steps[editing.step] ?? null) : null;
  const canAgree =
    content.goals.length > 0 && !saver.busy && state.kind !== 'invalid' && state.kind !== 'failed';

  return (
    <Stack gap="md">
      <LeaveGuard
        dirty={saver.unsaved()}
        texts={{
          title: t('plan.leave.title'),
          message: t('plan.leave.message'),
          stay: t('plan.leave.stay'),
          leave: t('plan.leave.leave'),
          close: t('plan.close'),
        }}
      />
      <Text size="sm">{t('plan.draft.intro')}</Text>
      <SaveStatus state={state} firstProblem={issues[0] ? namedIssue(issues[0], content) : ''} />
      {issues.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={t('plan.draft.problemsTitle')}
          styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
        >
          <List size="sm" spacing={4}>
            {issues.map((issue) => (
              <List.Item key={`${issue.field}:${issue.message}`}>{namedIssue(issue, content)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {state.kind === 'failed' && (
        <Alert color="red" variant="light" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(state.error)}</Text>
            <Button size="sm" variant="default" onClick={saver.retry}>
              {t('common.tryAgain')}
            </Button>
          </Stack>
        </Alert>
      )}
      <TextInput
        type="date"
        label={t('plan.draft.startsOn')}
        description={t('plan.draft.startsOnHelp')}
        value={startsOn}
        onChange={(event) => setStartsOn(event.currentTarget.value)}
        onBlur={commitStart}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitStart();
        }}
        error={startIssue}
        maw={260}
        required
      />
      {content.goals.length === 0 ? (
        <Text size="sm">{t('plan.draft.noGoals')}</Text>
      ) : (
        <GoalsBySphere
          goals={content.goals}
          renderGoal={(goal, g) => (
            <GoalCard
              key={goal.id}
              goal={goal}
              ownerName={ownerName}
              actions={
                <Group gap="xs">
                  <Button
                    variant="default"
                    size="sm"
                    leftSection={<IconPencil size={14} aria-hidden="true" />}
                    aria-label={t('plan.draft.editGoal', { goal: goal.text })}
                    onClick={() => setEditing({ kind: 'goal', index: g })}
                  >
                    {t('plan.draft.edit')}
                  </Button>
                  <Button
                    variant="default"
                    size="sm"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden="true" />}
                    aria-label={t('plan.draft.removeGoal', { goal: goal.text })}
                    onClick={() => setEditing({ kind: 'removeGoal', goal: g })}
                  >
                    {t('plan.draft.remove')}
                  </Button>
                </Group>
              }
              renderStep={(step, s) => (
                <StepLine
                  key={step.id}
                  step={step}
                  ownerName={ownerName}
                  error={issueAt(g, s)}
                  actions={
                    <Group gap="xs">
                      <Button
                        variant="default"
                        size="sm"
                        leftSection={<IconPencil size={14} aria-hidden="true" />}
                        aria-label={t('plan.draft.editStep', { step: step.what })}
                        onClick={() => setEditing({ kind: 'step', goal: g, step: s })}
                      >
                        {t('plan.draft.edit')}
                      </Button>
                      <Button
                        variant="default"
                        size="sm"
                        leftSection={<IconTrash size={14} aria-hidden="true" />}
                        aria-label={t('plan.draft.removeStep', { step: step.what })}
                        onClick={() => setEditing({ kind: 'removeStep', goal: g, step: s })}
                      >
                        {t('plan.draft.remove')}
                      </Button>
                    </Group>
                  }
                />
              )}
              footer={
                <>
                  {issueAt(g, null) && (
                    <Text c="red.8" size="sm">
                      {issueAt(g, null)}
                    </Text>
                  )}
                  <Group>
                    <Button
                      variant="light"
                      leftSection={<IconPlus size={16} aria-hidden="true" />}
                      aria-label={t('plan.draft.addStepTo', { goal: goal.text })}
                      onClick={() => setEditing({ kind: 'step', goal: g, step: null })}
                    >
                      {t('plan.draft.addStep')}
                    </Button>
                  </Group>
                </>
              }
            />
          )}
        />
      )}
      <Group>
        <Button
          variant="light"
          size="md"
          leftSection={<IconPlus size={18} aria-hidden="true" />}
          onClick={() => setEditing({ kind: 'goal', index: null })}
        >
          {t('plan.draft.addGoal')}
        </Button>
      </Group>
      <Group justify="space-between" wrap="wrap" mt="sm">
        <Button
          size="md"
          leftSection={<IconSignature size={18} aria-hidden="true" />}
          disabled={!canAgree}
          onClick={() => setEditing({ kind: 'agree' })}
        >
          {t('plan.draft.recordAgreement')}
        </Button>
        <Button variant="default" c="red.9" onClick={() => setEditing({ kind: 'discard' })}>
          {t('plan.draft.discard')}
        </Button>
      </Group>
      {content.goals.length === 0 && <Text size="sm">{t('plan.draft.agreementNeedsGoal')}</Text>}

      {editing?.kind === 'goal' && (
        <GoalModal
          goal={editing.index === null ? null : (content.goals[editing.index] ?? null)}
          onClose={() => setEditing(null)}
          onSave={(goal) => {
            putGoal(editing.index, goal);
            setEditing(null);
          }}
        />
      )}
      {editing?.kind === 'step' && editingGoal && (
        <StepModal
          step={editingStep}
          goalText={editingGoal.text}
          startsOn={content.startsOn}
          team={team}
          onClose={() => setEditing(null)}
          onSave={(step) => {
            putStep(editing.goal, editing.step, step);
            setEditing(null);
          }}
        />
      )}
      <ConfirmDialog
        opened={editing?.kind === 'removeGoal'}
        title={t('plan.draft.removeGoalTitle')}
        message={t('plan.draft.removeGoalMessage', { goal: editingGoal?.text ?? '' })}
        confirmLabel={t('plan.draft.remove')}
        danger
        onClose={() => setEditing(null)}
        onConfirm={() => {
          if (editing?.kind === 'removeGoal') setGoals(content.goals.filter((_, i) => i !== editing.goal));
          setEditing(null);
        }}
      />
      <ConfirmDialog
        opened={editing?.kind === 'removeStep'}
        title={t('plan.draft.removeStepTitle')}
        message={t('plan.draft.removeStepMessage', {
          step: editing?.kind === 'removeStep' ? (editingGoal?.steps[editing.step]?.what ?? '') : '',
        })}
        confirmLabel={t('plan.draft.remove')}
        danger
        onClose={() => setEditing(null)}
        onConfirm={() => {
          if (editing?.kind === 'removeStep' && editingGoal)
            putGoal(editing.goal, {
              ...editingGoal,
              steps: editingGoal.steps.filter((_, i) => i !== editing.step),
            });
          setEditing(null);
        }}
      />
      <ConfirmDialog
        opened={editing?.kind === 'discard'}
        title={t('plan.draft.discardTitle')}
        message={t('plan.draft.discardMessage')}
        confirmLabel={t('plan.draft.discardConfirm')}
        danger
        pending={discard.isPending}
        failure={discard.isError ? errorMessage(discard.error) : null}
        onClose={() => setEditing(null)}
        onConfirm={() => discard.mutate()}
      />
      {editing?.kind === 'agree' && (
        <AgreementModal
          participantId={participantId}
          revision={saver.revision()}
          previousAgreedOn={previousAgreedOn}
          onClose={() => setEditing(null)}
          onAgreed={onAgreed}
        />
      )}
    </Stack>
  );
}

/** Where the draft stands, said plainly; when a problem holds the saving back, it is named here. */
function SaveStatus({
  state,
  firstProblem,
}: {
  state: ReturnType<typeof useDraftSaver>['state'];
  firstProblem: string;
}) {
  const { t } = useTranslation();
  const text =
    state.kind === 'saving'
      ? t('plan.draft.saving')
      : state.kind === 'saved'
        ? t('plan.draft.saved')
        : state.kind === 'invalid'
          ? t('plan.draft.blocked', { count: state.issues.length, problem: firstProblem })
          : state.kind === 'failed'
            ? t('plan.draft.notSaved')
            : t('plan.draft.savedAlready');
  return (
    <Text
      role="status"
      size="sm"
      fw={600}
      c={state.kind === 'invalid' || state.kind === 'failed' ? 'red.8' : undefined}
      data-testid="draft-save-status"
    >
      {text}
    </Text>
  );
}
