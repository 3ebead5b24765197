/**
 * The open round: the professional rates every sphere (saved as a draft as she goes), her own
 * rating is given on her screen or declined, and the round is completed once both are in.
 */
import type { TRound } from '@cope/contracts';
import { isSphere, SPHERES, type Sphere } from '@cope/domain';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { useSphereLabels } from '../itinerary/spheres';
import { completeRound, refreshAfterRound } from './api';
import { useConflictWords } from './conflict-words';
import { HerRating } from './HerRating';
import { unrated } from './labels';
import { SphereRatingField } from './SphereRatingField';
import { type RoundConflict, useRatingDraft } from './use-rating-draft';

class DraftNotSaved extends Error {}

/**
 * What stops the round from being completed, kept as what it is and put in words when shown, so
 * the words follow the interface language if it changes meanwhile.
 */
type Problem =
  | { kind: 'unrated'; count: number }
  | { kind: 'herMissing' }
  | { kind: 'notSavedYet' }
  | { kind: 'completeConflict' }
  | { kind: 'failed'; error: unknown }
  /** The server's own words (a refusal that names what is missing). */
  | { kind: 'server'; text: string };

/** Her rating is missing (said in the interface language), or the server's words about it. */
type HerProblem = { kind: 'missing' } | { kind: 'server'; text: string };

export function RatingForm({
  participantId,
  round,
  canRate,
  onConflict,
  onCompleted,
}: {
  participantId: string;
  round: TRound;
  canRate: boolean;
  onConflict: (conflict: RoundConflict) => void;
  onCompleted: (round: TRound) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const labels = useSphereLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useRatingDraft(participantId, round, onConflict);
  const conflictWords = useConflictWords();
  const [errors, setErrors] = useState<ReadonlySet<Sphere>>(new Set());
  const [herProblem, setHerProblem] = useState<HerProblem | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const problems = useRef<HTMLDivElement>(null);
  const herHeading = useId();
  const { setStep } = draft;
  const onStep = useCallback<typeof setStep>(
    (chosen, step) => {
      setStep(chosen, step);
      setErrors((current) => {
        if (!current.has(chosen)) return current;
        const rest = new Set(current);
        rest.delete(chosen);
        return rest;
      });
    },
    [setStep],
  );
  const rated = SPHERES.length - unrated(draft.ratings).length;
  const withheld = new Set(round.reasonsWithheld);

  const showProblems = (spheres: Sphere[], her: HerProblem | null, general: Problem | null) => {
    setErrors(new Set(spheres));
    setHerProblem(her);
    setProblem(
      general ??
        (spheres.length > 0
          ? { kind: 'unrated', count: spheres.length }
          : her?.kind === 'missing'
            ? { kind: 'herMissing' }
            : her
              ? { kind: 'server', text: her.text }
              : null),
    );
    setTimeout(() => problems.current?.focus(), 0);
  };

  const problemText = (shown: Problem): string => {
    switch (shown.kind) {
      case 'unrated':
        return t('monitoring.form.unratedCount', { count: shown.count });
      case 'herMissing':
        return t('monitoring.form.herMissing');
      case 'notSavedYet':
        return t('monitoring.form.notSavedYet');
      case 'completeConflict':
        return t('monitoring.form.completeConflict');
      case 'failed':
        return errorMessage(shown.error);
      case 'server':
        return shown.text;
    }
  };

  const complete = useMutation({
    mutationFn: async () => {
      if (!(await draft.flush())) throw new DraftNotSaved();
      return completeRound(participantId, round.id);
    },
    onSuccess: async (saved) => {
      await refreshAfterRound(queryClient);
      onCompleted(saved);
    },
    onError: async (error) => {
      if (error instanceof DraftNotSaved) return showProblems([], null, { kind: 'notSavedYet' });
      if (isApiError(error, 'CONFLICT')) {
        await refreshAfterRound(queryClient);
        return showProblems([], null, { kind: 'completeConflict' });
      }
      if (!isApiError(error, 'VALIDATION_FAILED')) return showProblems([], null, { kind: 'failed', error });
      // The server names what is missing: a sphere not rated, or her rating.
      const spheres: Sphere[] = [];
      let her: HerProblem | null = null;
      const other: string[] = [];
      for (const issue of error.details) {
        const sphere = issue.field.split('.').find(isSphere);
        if (sphere) spheres.push(sphere);
        else if (/self|her/i.test(issue.field)) her = { kind: 'server', text: issue.message };
        else other.push(issue.message);
      }
      if (spheres.length === 0 && !her && other.length === 0) other.push(error.message);
      showProblems(spheres, her, other.length > 0 ? { kind: 'server', text: other.join(' ') } : null);
    },
  });

  const submit = () => {
    const missing = unrated(draft.ratings);
    const her: HerProblem | null = round.selfRecordedAt ? null : { kind: 'missing' };
    if (missing.length > 0 || her) {
      showProblems(missing, her, null);
      return;
    }
    showProblems([], null, null);
    complete.mutate();
  };

  const openHerScreen = async () => {
    if (await draft.flush()) navigate(`/participants/${participantId}/self-rating/${round.id}`);
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('monitoring.form.intro')}</Text>
      {draft.state === 'conflict' && (
        <Alert color="red" variant="light" role="alert" title={t('monitoring.form.conflictTitle')}>
          {conflictWords(draft.conflict)} {t('monitoring.form.conflict')}
        </Alert>
      )}
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {t('monitoring.form.ratedCount', { rated, total: SPHERES.length })}
          </Text>
          {round.professionalBy && (
            // Several colleagues may rate the same round: this names who saved it last, not who
            // chose every step.
            <Text size="sm" c="dark.6">
              {t('monitoring.form.lastSavedBy', { name: round.professionalBy.displayName })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Text size="sm" role="status" c={draft.state === 'failed' ? 'red.8' : 'dark.6'}>
            {draft.state === 'pending' && t('monitoring.form.saving')}
            {draft.state === 'saved' && t('monitoring.form.saved')}
            {draft.state === 'failed' &&
              t('monitoring.form.saveFailed', { error: errorMessage(draft.error) })}
          </Text>
          {draft.state === 'failed' && (
            <Button size="xs" variant="default" onClick={() => void draft.flush()}>
              {t('monitoring.common.tryAgain')}
            </Button>
          )}
        </Group>
      </Group>
      <div ref={problems} tabIndex={-1} style={{ outline: 'none' }}>
        {problem && (
          <Alert color="red" variant="light" role="alert" title={t('monitoring.form.problemsTitle')}>
            {problemText(problem)}
          </Alert>
        )}
      </div>
      {SPHERES.map((sphere) => (
        <SphereRatingField
          key={sphere}
          sphere={sphere}
          label={labels[sphere]}
          rating={draft.ratings[sphere]}
          error={errors.has(sphere) ? t('monitoring.form.rateThis') : undefined}
          readOnly={!canRate || draft.state === 'conflict'}
          reasonWithheld={withheld.has(sphere)}
          onStep={onStep}
          onReason={draft.setReason}
        />
      ))}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={herHeading}>
        <Text component="h4" id={herHeading} fw={600} fz="md" m={0} mb="xs">
          {t('monitoring.her.title')}
        </Text>
        <HerRating
          participantId={participantId}
          round={round}
          canRate={canRate}
          error={
            herProblem?.kind === 'missing'
              ? t('monitoring.form.herMissing')
              : herProblem?.kind === 'server'
                ? herProblem.text
                : undefined
          }
          onOpen={() => void openHerScreen()}
        />
      </Paper>
      {canRate && (
        <Group>
          <Button
            leftSection={<IconChecks size={16} aria-hidden="true" />}
            onClick={submit}
            loading={complete.isPending}
            disabled={draft.state === 'conflict'}
          >
            {t('monitoring.form.complete')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
