/**
 * Her plan, on the Itinerary tab: her small victories first, then the plan in force (or the review
 * under way, written with her and agreed by her), her commitments beside the plan's dates on one
 * timeline, and every version so far. On a case with no plan in force and no victory yet, writing
 * her first plan comes first and the small victories after it. Whether the viewer may open her plan section is decided here
 * from the access the server computed: without it no plan request is made (each would be a
 * refusal on record, and repeated refusals raise a security alert).
 */
import type { TParticipantDetail, TPlanOverview, TPlanVersion } from '@cope/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { Block } from '../itinerary/Block';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { openDraft, planOverviewQuery, useInvalidatePlan } from './api';
import { Commitments } from './Commitments';
import { DraftEditor } from './DraftEditor';
import { Milestones } from './Milestones';
import { PlanInForce } from './PlanInForce';
import { PrintPlan } from './PrintPlan';
import { Versions } from './Versions';

export function PlanPanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const full = participant.sections.some((s) => s.section === 'plan' && s.access === 'full');
  if (!full) return <ErrorState tone="info" title={t('plan.title')} message={t('plan.noAccess')} />;
  return <PlanContent participantId={participant.id} />;
}

function PlanContent({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePlan();
  const overview = useQuery(planOverviewQuery(participantId));
  const [note, setNote] = useState('');
  const [warning, setWarning] = useState('');
  const [reloads, setReloads] = useState(0);
  const headingId = useId();
  const { refetch } = overview;
  // Decided once, when her plan is first read: blocks do not swap places while someone works.
  const planFirst = useRef<boolean | null>(null);

  const review = useMutation({
    mutationFn: () => openDraft(participantId),
    onSuccess: async (draft) => {
      queryClient.setQueryData(planOverviewQuery(participantId).queryKey, (old: TPlanOverview | undefined) =>
        old ? { ...old, draft } : old,
      );
      setNote(t('plan.draft.opened', { version: draft.version }));
      await invalidate();
    },
  });

  // Someone else saved (or ended) the draft meanwhile: show theirs and say who.
  const onStale = useCallback(
    async (_error: unknown) => {
      const fresh = await refetch();
      const draft = fresh.data?.draft;
      setWarning(
        !draft
          ? t('plan.draft.goneElsewhere')
          : draft.updatedBy
            ? t('plan.draft.savedBy', { name: draft.updatedBy.displayName })
            : t('plan.draft.savedBySomeone'),
      );
      setReloads((count) => count + 1);
    },
    [refetch, t],
  );
  const onAgreed = async (version: TPlanVersion) => {
    setWarning('');
    setNote(t('plan.agreement.recorded', { version: version.version }));
    await invalidate();
  };
  const onDiscarded = async () => {
    setWarning('');
    setNote(t('plan.draft.discarded'));
    await invalidate();
  };

  if (overview.isPending) return <LoadingState />;
  if (overview.isError) {
    // Access ended since the case was loaded (a share withdrawn): said plainly, not as an error.
    if (isApiError(overview.error, 'FORBIDDEN'))
      return <ErrorState tone="info" title={t('plan.title')} message={t('plan.noAccess')} />;
    return <ErrorState message={errorMessage(overview.error)} onRetry={refetch} />;
  }
  const data = overview.data;
  const { current, draft, abilities, team } = data;

  planFirst.current ??= !current && data.milestones.length === 0;

  const milestones = (
    <Block key="milestones" title={t('plan.milestones.title')} testId="plan-milestones">
      <Milestones participantId={participantId} milestones={data.milestones} canEdit={abilities.edit} />
    </Block>
  );
  const plan: ReactNode[] = [
    <Text key="note" role="status" size="sm" fw={note ? 600 : undefined}>
      {note}
    </Text>,
    warning && (
      <Alert
        key="warning"
        color="orange"
        variant="light"
        title={t('plan.draft.reloadedTitle')}
        styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
        role="alert"
      >
        {warning}
      </Alert>
    ),
    draft && (
      <Block key="draft" title={t('plan.draft.title', { version: draft.version })} testId="plan-draft">
        {abilities.edit ? (
          <DraftEditor
            key={`${draft.version}:${reloads}`}
            participantId={participantId}
            draft={draft}
            team={team}
            previousAgreedOn={current?.agreement?.agreedOn ?? null}
            onStale={onStale}
            onAgreed={onAgreed}
            onDiscarded={onDiscarded}
          />
        ) : (
          <Stack gap="md">
            <Text size="sm">{t('plan.draft.readOnly')}</Text>
            <PlanInForce plan={draft} team={team} />
          </Stack>
        )}
      </Block>
    ),
    <Block key="in-force" title={t('plan.current.title')} testId="plan-in-force">
      <Stack gap="md">
        {current ? (
          <PlanInForce plan={current} team={team} />
        ) : (
          <Text size="sm">{t('plan.current.none')}</Text>
        )}
        {abilities.edit && !draft && (
          <Group>
            <Button
              size="md"
              leftSection={<IconRoute size={18} aria-hidden="true" />}
              loading={review.isPending}
              onClick={() => {
                setNote('');
                setWarning('');
                review.mutate();
              }}
            >
              {current ? t('plan.current.review') : t('plan.current.start')}
            </Button>
          </Group>
        )}
        {review.isError && (
          <Text c="red.8" size="sm" role="alert">
            {errorMessage(review.error)}
          </Text>
        )}
        {current && (
          <Stack gap="xs">
            <Text component="h4" fw={600} fz="sm" m={0}>
              {t('plan.print.title')}
            </Text>
            <PrintPlan participantId={participantId} version={current.version} />
          </Stack>
        )}
      </Stack>
    </Block>,
  ];

  return (
    <Stack gap="lg" component="section" aria-labelledby={headingId}>
      <Text component="h2" id={headingId} fz="lg" fw={600} m={0}>
        {t('plan.title')}
      </Text>
      {planFirst.current ? [...plan, milestones] : [milestones, ...plan]}
      <Block title={t('plan.commitments.title')} testId="plan-commitments">
        <Commitments participantId={participantId} overview={data} canEdit={abilities.edit} />
      </Block>
      <Block title={t('plan.versions.title')} testId="plan-versions">
        <Versions
          key={data.versions.length}
          participantId={participantId}
          versions={data.versions}
          team={team}
        />
      </Block>
    </Stack>
  );
}
