/** Her case item by item, newest first, as far as this person may see it. */
import {
  TIMELINE_KINDS,
  type TimelineKind,
  type TParticipantDetail,
  type TTimelineItem,
} from '@cope/contracts';
import { Alert, Badge, Button, Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useSectionLabels } from '../participants/section-labels';
import { timelineQuery } from './api';
import { useAudienceLabel, usePersonLabel, usePurposeLabels } from './labels';

function useKindLabels(): Record<TimelineKind, string> {
  const { t } = useTranslation();
  return {
    note: t('history.timeline.kind.note'),
    record: t('history.timeline.kind.record'),
    consent: t('history.timeline.kind.consent'),
    share: t('history.timeline.kind.share'),
    team: t('history.timeline.kind.team'),
    intake: t('history.timeline.kind.intake'),
  };
}

function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}

function ItemSentence({ item }: { item: TTimelineItem }) {
  const { t } = useTranslation();
  const person = usePersonLabel();
  const sections = useSectionLabels();
  const purposes = usePurposeLabels();
  const audience = useAudienceLabel();
  const values = {
    actor: person(item.actor),
    subject: item.subject ? person(item.subject) : t('history.someone'),
    section: item.section ? sections[item.section] : '',
    purpose: item.consent ? purposes[item.consent.purpose] : '',
    audience: item.share ? audience(item.share.audience) : '',
  };
  switch (item.event) {
    case 'note_added':
      return t('history.timeline.event.noteAdded', values);
    case 'record_changed':
      return t('history.timeline.event.recordChanged', values);
    case 'consent_recorded':
      return t('history.timeline.event.consentRecorded', values);
    case 'consent_withdrawn':
      return t('history.timeline.event.consentWithdrawn', values);
    case 'section_shared':
      return item.share?.emergency
        ? t('history.timeline.event.sharedInEmergency', values)
        : t('history.timeline.event.sectionShared', values);
    case 'share_ended':
      return t('history.timeline.event.shareEnded', values);
    case 'member_added':
      return t('history.timeline.event.memberAdded', values);
    case 'member_removed':
      return t('history.timeline.event.memberRemoved', values);
    case 'handover':
      return t('history.timeline.event.handover', values);
    case 'intake_saved':
      return item.section
        ? t('history.timeline.event.intakeSaved', values)
        : t('history.timeline.event.intakeSavedNoSection', values);
    case 'intake_completed':
      return t('history.timeline.event.intakeCompleted', values);
  }
}

export function TimelinePanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const kindLabels = useKindLabels();
  const sections = useSectionLabels();
  const dateTime = useDateTime();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const timeline = useInfiniteQuery(timelineQuery(participant.id, kinds));
  const first = timeline.data?.pages[0];
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }}>
      <Title order={2} size="h4" mb={4}>
        {t('history.timeline.title')}
      </Title>
      <Text size="sm" c="dark.5" mb="md">
        {t('history.timeline.intro')}
      </Text>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" size="sm" fw={500} mb={6} p={0}>
          {t('history.timeline.show')}
        </Text>
        <Chip.Group
          multiple
          value={kinds}
          onChange={(value) => setKinds(TIMELINE_KINDS.filter((kind) => value.includes(kind)))}
        >
          <Group gap="xs">
            {TIMELINE_KINDS.filter(
              (kind) => !(first?.consentsHidden && (kind === 'consent' || kind === 'share')),
            ).map((kind) => (
              <Chip key={kind} value={kind} size="sm" variant="outline">
                {kindLabels[kind]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </fieldset>
      {first && (first.hiddenSections.length > 0 || first.consentsHidden) && (
        <Alert color="gray" variant="light" mt="md" icon={<IconLock size={18} aria-hidden="true" />}>
          {first.hiddenSections.length > 0 && (
            <Text size="sm">
              {t('history.timeline.hiddenSections', {
                sections: first.hiddenSections.map((s) => sections[s]).join(', '),
              })}
            </Text>
          )}
          {first.consentsHidden && <Text size="sm">{t('history.timeline.consentsHidden')}</Text>}
        </Alert>
      )}
      {timeline.isPending && <LoadingState />}
      {timeline.isError && (
        <ErrorState message={errorMessage(timeline.error)} onRetry={() => void timeline.refetch()} />
      )}
      {timeline.isSuccess && items.length === 0 && (
        <Text c="dark.4" mt="md">
          {t('history.timeline.empty')}
        </Text>
      )}
      <Stack gap="sm" mt="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <Paper key={item.id} component="li" withBorder radius="md" p="sm">
            <Group gap="xs" justify="space-between" mb={4}>
              <Text size="xs" c="dark.4">
                {dateTime(item.at)}
              </Text>
              <Group gap={6}>
                <Badge size="sm" variant="light" color="gray" c="dark.6">
                  {kindLabels[item.kind]}
                </Badge>
                {item.privateNote && (
                  <Badge
                    size="sm"
                    variant="light"
                    color="gray"
                    c="dark.6"
                    leftSection={<IconLock size={12} aria-hidden="true" />}
                  >
                    {t('history.notes.privateBadge')}
                  </Badge>
                )}
              </Group>
            </Group>
            <Text>
              <ItemSentence item={item} />
            </Text>
            {item.excerpt && (
              <Text size="sm" c="dark.5" mt={4} fs="italic">
                {item.excerpt}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
      {timeline.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={timeline.isFetchingNextPage}
            onClick={() => void timeline.fetchNextPage()}
          >
            {t('history.timeline.older')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
