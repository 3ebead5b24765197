/**
 * Her risk assessment on the case's safety tab: the level in force and its state, a new
 * assessment, changes reported by hand, the risk management plan and the assessments so far.
 */
import type { TParticipantDetail, TRiskAssessmentSummary } from '@cope/contracts';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconClipboardPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useRiskLabels } from '../participants/labels';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentHistory } from './AssessmentHistory';
import { riskOverviewQuery } from './api';
import { LevelCard } from './LevelCard';
import { MeasuresPanel } from './MeasuresPanel';
import { ReportChange } from './ReportChange';

/** Shown by the safety tab only to viewers with full access to her safety section. */
export function RiskPanel({ participant }: { participant: TParticipantDetail }) {
  return <RiskContent participantId={participant.id} />;
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }} component="section" aria-labelledby={id}>
      <Text component="h3" id={id} fz="md" fw={600} m={0} mb="md">
        {title}
      </Text>
      {children}
    </Paper>
  );
}

function RiskContent({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const levels = useRiskLabels();
  const overview = useQuery(riskOverviewQuery(participantId));
  const [assessing, setAssessing] = useState(false);
  const [saved, setSaved] = useState('');
  const [invite, setInvite] = useState(false);
  const headingId = useId();

  if (overview.isPending) return <LoadingState />;
  if (overview.isError) {
    // Access ended since the case was loaded (a share withdrawn): said plainly, not as an error.
    if (isApiError(overview.error, 'FORBIDDEN')) {
      return <ErrorState tone="info" title={t('risk.panel.title')} message={t('risk.panel.noAccess')} />;
    }
    return <ErrorState message={errorMessage(overview.error)} onRetry={overview.refetch} />;
  }
  const { abilities, assessments } = overview.data;
  const onSaved = (assessment: TRiskAssessmentSummary) => {
    setAssessing(false);
    setInvite(true);
    setSaved(
      assessment.override === 'lowering_pending'
        ? t('risk.panel.savedPending', { level: levels[assessment.level] })
        : t('risk.panel.saved', { level: levels[assessment.level] }),
    );
  };

  return (
    <Stack gap="lg" component="section" aria-labelledby={headingId}>
      <Text component="h2" id={headingId} fz="lg" fw={600} m={0}>
        {t('risk.panel.title')}
      </Text>
      <LevelCard participantId={participantId} overview={overview.data} />
      <Text role="status" size="sm" fw={saved ? 600 : undefined}>
        {saved}
      </Text>
      {abilities.assess && !assessing && (
        <Group>
          <Button
            leftSection={<IconClipboardPlus size={16} aria-hidden="true" />}
            onClick={() => {
              setSaved('');
              setAssessing(true);
            }}
          >
            {t('risk.panel.newAssessment')}
          </Button>
        </Group>
      )}
      {assessing && (
        <Block title={t('risk.form.title')}>
          <AssessmentForm
            participantId={participantId}
            isCoordinator={abilities.confirmLowering}
            onSaved={onSaved}
            onCancel={() => setAssessing(false)}
          />
        </Block>
      )}
      {abilities.assess && (
        <Block title={t('risk.change.title')}>
          <ReportChange participantId={participantId} />
        </Block>
      )}
      <Block title={t('risk.plan.title')}>
        <MeasuresPanel participantId={participantId} canEdit={abilities.assess} invite={invite} />
      </Block>
      <Block title={t('risk.history.title')}>
        <AssessmentHistory participantId={participantId} assessments={assessments} />
      </Block>
    </Stack>
  );
}
