/**
 * Her progress (monitoring) on the case's itinerary tab: when the next review falls due, the
 * open review (rated as a draft, her own rating on her screen, then completed), prompts where the
 * two views are far apart, her progress as a star and one sphere over time, and for coordinators
 * how often reviews come round.
 */
import type { TParticipantDetail, TRound } from '@cope/contracts';
import { SPHERES } from '@cope/domain';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconClipboardPlus, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { localToday } from '../consents/labels';
import { Block } from '../itinerary/Block';
import { useDayFormatter } from '../itinerary/dates';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { monitoringQuery, refreshAfterRound, startRound } from './api';
import { useConflictWords } from './conflict-words';
import { GapPrompts } from './GapPrompts';
import { unrated } from './labels';
import { ProgressCharts } from './ProgressCharts';
import { RatingForm } from './RatingForm';
import { ReviewSettings } from './ReviewSettings';
import { SphereTimeline } from './SphereTimeline';
import type { RoundConflict } from './use-rating-draft';

/** What the panel last reported, put in words when shown (so it follows the interface language). */
type Notice = { kind: 'reloaded'; conflict: RoundConflict } | { kind: 'completed'; heldOn: string };

/**
 * Whether the viewer may open her monitoring is decided here from the access the server computed:
 * without it no monitoring request is made (each would be a refusal on record).
 */
export function MonitoringPanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const full = participant.sections.some((s) => s.section === 'monitoring' && s.access === 'full');
  if (!full) {
    return (
      <ErrorState tone="info" title={t('monitoring.panel.title')} message={t('monitoring.panel.noAccess')} />
    );
  }
  return <MonitoringContent participantId={participant.id} />;
}

function MonitoringContent({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDay = useDayFormatter();
  const queryClient = useQueryClient();
  const overview = useQuery(monitoringQuery(participantId));
  const headingId = useId();
  const [params] = useSearchParams();
  // Back from her screen (?review=open): the open review is shown straight away.
  const [open, setOpen] = useState(params.get('review') === 'open');
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const conflictWords = useConflictWords();

  const start = useMutation({
    mutationFn: () => startRound(participantId, localToday()),
    onSuccess: async () => {
      await refreshAfterRound(queryClient);
      setNotice(null);
      setOpen(true);
    },
  });

  if (overview.isPending) return <LoadingState />;
  if (overview.isError) {
    // Access ended since the case was loaded (a share withdrawn): said plainly, not as an error.
    if (isApiError(overview.error, 'FORBIDDEN')) {
      return (
        <ErrorState
          tone="info"
          title={t('monitoring.panel.title')}
          message={t('monitoring.panel.noAccess')}
        />
      );
    }
    return <ErrorState message={errorMessage(overview.error)} onRetry={overview.refetch} />;
  }
  const { rounds, gaps, gapsHeldOn, abilities, nextReviewOn, reviewMonths } = overview.data;
  const draft = rounds.find((round) => round.status === 'draft');
  const complete = rounds.filter((round) => round.status === 'complete');

  // Overdue once the day it was due has passed, on her social worker's calendar.
  const overdue = nextReviewOn !== null && nextReviewOn < localToday();
  const onConflict = async (conflict: RoundConflict) => {
    await queryClient.invalidateQueries({ queryKey: monitoringQuery(participantId).queryKey });
    setGeneration((value) => value + 1);
    setNotice({ kind: 'reloaded', conflict });
  };
  const onCompleted = (round: TRound) => {
    setOpen(false);
    setNotice({ kind: 'completed', heldOn: round.heldOn });
  };
  const message =
    notice?.kind === 'reloaded'
      ? `${conflictWords(notice.conflict)} ${t('monitoring.panel.reloaded')}`
      : notice?.kind === 'completed'
        ? t('monitoring.panel.completed', { date: formatDay(notice.heldOn) })
        : '';

  return (
    <Stack gap="lg" component="section" aria-labelledby={headingId}>
      <Text component="h2" id={headingId} fz="lg" fw={600} m={0}>
        {t('monitoring.panel.title')}
      </Text>
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>
              {nextReviewOn
                ? t('monitoring.panel.nextReview', { date: formatDay(nextReviewOn) })
                : rounds.some((round) => round.status === 'complete')
                  ? t('monitoring.panel.noReviewDue')
                  : t('monitoring.panel.noReviewYet')}
            </Text>
            {overdue && (
              <Badge color="red.9" variant="filled" data-testid="review-overdue">
                {t('monitoring.panel.overdue')}
              </Badge>
            )}
          </Group>
          <Text size="sm">{t('monitoring.panel.every', { count: reviewMonths })}</Text>
          {draft && (
            <Text size="sm">
              {t('monitoring.panel.draftOpen', {
                date: formatDay(draft.heldOn),
                rated: SPHERES.length - unrated(draft.professional).length,
                total: SPHERES.length,
              })}
            </Text>
          )}
          <Text role="status" size="sm" fw={message ? 600 : undefined}>
            {message}
          </Text>
          {start.isError && (
            <Text size="sm" c="red.8" role="alert">
              {errorMessage(start.error)}
            </Text>
          )}
          {abilities.rate && !draft && (
            <Group>
              <Button
                leftSection={<IconClipboardPlus size={16} aria-hidden="true" />}
                onClick={() => start.mutate()}
                loading={start.isPending}
              >
                {t('monitoring.panel.start')}
              </Button>
            </Group>
          )}
          {draft && !open && (
            <Group>
              <Button leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setOpen(true)}>
                {abilities.rate ? t('monitoring.panel.continue') : t('monitoring.panel.show')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      <GapPrompts gaps={gaps} heldOn={gapsHeldOn} />
      {draft && open && (
        <Block title={t('monitoring.panel.reviewOf', { date: formatDay(draft.heldOn) })}>
          <RatingForm
            key={`${draft.id}:${generation}`}
            participantId={participantId}
            round={draft}
            canRate={abilities.rate}
            onConflict={(conflict) => void onConflict(conflict)}
            onCompleted={onCompleted}
          />
        </Block>
      )}
      {complete.length > 0 ? (
        <>
          <Block title={t('monitoring.charts.title')}>
            <ProgressCharts rounds={complete} />
          </Block>
          <Block title={t('monitoring.timeline.title')}>
            <SphereTimeline rounds={complete} initial={gaps[0]?.sphere} />
          </Block>
        </>
      ) : (
        <Text size="sm">{t('monitoring.panel.noCompleteYet')}</Text>
      )}
      {abilities.configure && (
        <Block title={t('monitoring.settings.title')}>
          <ReviewSettings reviewMonths={reviewMonths} />
        </Block>
      )}
    </Stack>
  );
}
