import type { TParticipantDetail } from '@cope/contracts';
import { Anchor, Box, Group, Paper, SimpleGrid, Tabs, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { CaseFilePanel } from '../case-file/CaseFilePanel';
import { TimelinePanel } from '../case-history/TimelinePanel';
import { TransparencyPanel } from '../case-history/TransparencyPanel';
import { TeamPanel } from '../case-team/TeamPanel';
import { ConsentsPanel } from '../consents/ConsentsPanel';
import { ResumeIntakeNotice } from '../intake/ResumeIntakeNotice';
import { CaseItineraryHeader } from '../itinerary/CaseItineraryHeader';
import { ItineraryPanel } from '../itinerary/ItineraryPanel';
import { PageHeader } from '../layout/PageHeader';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { CaseRiskHeader } from '../safety/CaseRiskHeader';
import { CaseSafetyPanel } from '../safety/CaseSafetyPanel';
import { participantQuery } from './api';
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

const TABS = [
  'overview',
  'safety',
  'itinerary',
  'team',
  'consents',
  'timeline',
  'transparency',
  'file',
] as const;
type Tab = (typeof TABS)[number];

/** The open tab lives in the address (?tab=consents) so a link or a reload keeps it. */
function useCaseTab(): [Tab, (tab: Tab) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('tab');
  const tab = (TABS as readonly string[]).includes(value ?? '') ? (value as Tab) : 'overview';
  const setTab = (next: Tab) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next === 'overview') copy.delete('tab');
        else copy.set('tab', next);
        return copy;
      },
      { replace: true, preventScrollReset: true },
    );
  return [tab, setTab];
}

export function ParticipantDetailPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useCaseTab();
  const { participantId = '' } = useParams();
  const errorMessage = useErrorMessage();
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
        <PageHeader title={t('participant.heading', { caseCode: p.caseCode })} />
      </Box>
      <CaseRiskHeader participant={p} />
      <CaseItineraryHeader participant={p} />
      <ResumeIntakeNotice participant={p} />
      <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} keepMounted={false} maw={960}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="overview">{t('participant.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="safety">{t('participant.tabs.safety')}</Tabs.Tab>
          <Tabs.Tab value="itinerary">{t('participant.tabs.itinerary')}</Tabs.Tab>
          <Tabs.Tab value="team">{t('participant.tabs.team')}</Tabs.Tab>
          <Tabs.Tab value="consents">{t('participant.tabs.consents')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('participant.tabs.timeline')}</Tabs.Tab>
          {p.abilities.readTransparency && (
            <Tabs.Tab value="transparency">{t('participant.tabs.transparency')}</Tabs.Tab>
          )}
          <Tabs.Tab value="file">{t('participant.tabs.file')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Summary participant={p} />
          <SectionsPanel participant={p} />
        </Tabs.Panel>
        <Tabs.Panel value="safety">
          <CaseSafetyPanel participant={p} />
        </Tabs.Panel>
        <Tabs.Panel value="itinerary">
          <ItineraryPanel participant={p} />
        </Tabs.Panel>
        <Tabs.Panel value="team">
          <TeamPanel participant={p} />
        </Tabs.Panel>
        <Tabs.Panel value="consents">
          <ConsentsPanel participant={p} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <TimelinePanel participant={p} />
        </Tabs.Panel>
        {p.abilities.readTransparency && (
          <Tabs.Panel value="transparency">
            <TransparencyPanel participant={p} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="file">
          <CaseFilePanel participant={p} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Summary({ participant: p }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }}>
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
          {p.erased ? (
            <Text span c="dark.4" fs="italic">
              {t('participant.erased')}
            </Text>
          ) : (
            (p.preferredName ?? (
              <Text span c="dark.4" fs="italic">
                {t('participants.nameNotShown')}
              </Text>
            ))
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
        <Field label={t('participant.referenceChanges')}>{p.referenceChanges}</Field>
      </SimpleGrid>
    </Paper>
  );
}
