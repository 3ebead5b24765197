import { Anchor, Box, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { PageHeader } from '../layout/PageHeader';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { participantQuery } from './api';
import { EraseCase } from './EraseCase';
import { RiskBadge, StatusBadge, useDateFormatter } from './labels';
import { SectionsPanel } from './SectionsPanel';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dark.4" fw={500}>
        {label}
      </Text>
      <Box component="dd" m={0} mt={4}>
        {children}
      </Box>
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation();
  const location = useLocation();
  const state: unknown = location.state;
  const listSearch =
    typeof state === 'object' &&
    state !== null &&
    'listSearch' in state &&
    typeof state.listSearch === 'string'
      ? state.listSearch
      : '';
  return (
    <Anchor component={Link} to={listSearch ? `/participants?${listSearch}` : '/participants'} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden="true" />
        {t('participant.backToList')}
      </Group>
    </Anchor>
  );
}

export function ParticipantDetailPage() {
  const { t } = useTranslation();
  const { participantId = '' } = useParams();
  const errorMessage = useErrorMessage();
  const formatDate = useDateFormatter();
  const participant = useQuery(participantQuery(participantId));

  if (participant.isPending) {
    return (
      <>
        <BackLink />
        <LoadingState />
      </>
    );
  }
  if (participant.isError) {
    const missing =
      isApiError(participant.error, 'NOT_FOUND') || isApiError(participant.error, 'VALIDATION_FAILED');
    return (
      <>
        <BackLink />
        <Box mt="md">
          <PageHeader title={missing ? t('participant.notFoundTitle') : t('participant.title')} />
          {missing ? (
            <Paper withBorder radius="lg" p="xl" maw={640}>
              <Text>{t('participant.notFound')}</Text>
            </Paper>
          ) : (
            <ErrorState
              message={errorMessage(participant.error)}
              onRetry={() => void participant.refetch()}
            />
          )}
        </Box>
      </>
    );
  }

  const p = participant.data;
  return (
    <>
      <BackLink />
      <Box mt="md">
        <PageHeader
          title={t('participant.heading', { caseCode: p.caseCode })}
          documentTitle={t('participant.summary')}
        />
      </Box>
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }} maw={880}>
        <Text fw={600} mb="lg" component="h2" fz="lg">
          {t('participant.summary')}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="xl" verticalSpacing="lg" m={0}>
          <Field label={t('participants.caseCode')}>
            <Text ff="monospace" fw={600}>
              {p.caseCode}
            </Text>
          </Field>
          <Field label={t('participants.preferredName')}>
            {p.preferredName ?? (
              <Text span c="dark.4" fs="italic">
                {t('participants.nameNotShown')}
              </Text>
            )}
          </Field>
          <Field label={t('participants.status')}>
            <StatusBadge status={p.status} />
          </Field>
          <Field label={t('participants.riskLevel')}>
            <RiskBadge level={p.riskLevel} />
          </Field>
          <Field label={t('participants.referenceProfessional')}>
            {p.referenceProfessional?.displayName ?? (
              <Text span c="dark.4">
                {t('participants.noReference')}
              </Text>
            )}
          </Field>
          <Field label={t('participants.openedAt')}>{formatDate(p.openedAt)}</Field>
        </SimpleGrid>
        <Text size="sm" c="dark.4" mt="xl">
          {t('participant.moreSoon')}
        </Text>
      </Paper>
      <SectionsPanel participant={p} />
      {p.abilities.erase && <EraseCase participantId={p.id} caseCode={p.caseCode} />}
    </>
  );
}
