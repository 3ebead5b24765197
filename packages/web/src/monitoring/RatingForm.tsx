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
import { HerRating } from './HerRating';
import { unrated } from './labels';
import { SphereRatingField } from './SphereRatingField';
import { useRatingDraft } from './use-rating-draft';

class DraftNotSaved extends Error {}

type SphereErrors = Partial<Record<Sphere, string>>;

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
  onConflict: () => void;
  onCompleted: (round: TRound) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const labels = useSphereLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useRatingDraft(participantId, round, onConflict);
  const [errors, setErrors] = useState<SphereErrors>({});
  const [herError, setHerError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const problems = useRef<HTMLDivElement>(null);
  const herHeading = useId();
  const { setStep } = draft;
  const onStep = useCallback<typeof setStep>(
    (chosen, step) => {
      setStep(chosen, step);
      setErrors(({ [chosen]: _done, ...rest }) => rest);
    },
    [setStep],
  );
  const rated = SPHERES.length - unrated(draft.ratings).length;

  const showProblems = (sphereErrors: SphereErrors, her: string | undefined, general: string | null) => {
    setErrors(sphereErrors);
    setHerError(her);
    const count = Object.keys(sphereErrors).length;
    setProblem(general ?? (count > 0 ? t('monitoring.form.unratedCount', { count }) : her ? her : null));
    setTimeout(() => problems.current?.focus(), 0);
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
      if (error instanceof DraftNotSaved)
        return showProblems({}, undefined, t('monitoring.form.notSavedYet'));
      if (isApiError(error, 'CONFLICT')) {
        await refreshAfterRound(queryClient);
        return showProblems({}, undefined, t('monitoring.form.completeConflict'));
      }
      if (!isApiError(error, 'VALIDATION_FAILED')) return showProblems({}, undefined, errorMessage(error));
      // The server names what is missing: a sphere not rated, or her rating.
      const sphereErrors: SphereErrors = {};
      let her: string | undefined;
      const other: string[] = [];
      for (const issue of error.details) {
        const sphere = issue.field.split('.').find(isSphere);
        if (sphere) sphereErrors[sphere] = t('monitoring.form.rateThis');
        else if (/self|her/i.test(issue.field)) her = issue.message;
        else other.push(issue.message);
      }
      if (Object.keys(sphereErrors).length === 0 && !her && other.length === 0) other.push(error.message);
      showProblems(sphereErrors, her, other.length > 0 ? other.join(' ') : null);
    },
  });

  const submit = () => {
    const missing = unrated(draft.ratings);
    const her = round.selfRecordedAt ? undefined : t('monitoring.form.herMissing');
    if (missing.length > 0 || her) {
      showProblems(
        Object.fromEntries(missing.map((sphere) => [sphere, t('monitoring.form.rateThis')])),
        her,
        null,
      );
      return;
    }
    showProblems({}, undefined, null);
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
          {t('monitoring.form.conflict')}
        </Alert>
      )}
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('monitoring.form.ratedCount', { rated, total: SPHERES.length })}
        </Text>
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
            {problem}
          </Alert>
        )}
      </div>
      {SPHERES.map((sphere) => (
        <SphereRatingField
          key={sphere}
          sphere={sphere}
          label={labels[sphere]}
          rating={draft.ratings[sphere]}
          error={errors[sphere]}
          readOnly={!canRate || draft.state === 'conflict'}
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
          error={herError}
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
