/**
 * "What happened with her information": who viewed or changed what, what was shared with whom
 * and under which consent, emergencies and refusals — one plain sentence each, day by day.
 */
import type { TParticipantDetail, TTransparencyDay, TTransparencyEntry } from '@cope/contracts';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useSectionLabels } from '../participants/section-labels';
import { transparencyQuery } from './api';
import { useAudienceLabel, usePersonLabel, usePurposeLabels } from './labels';

type Values = Record<string, string>;

/** One sentence per kind of event; unknown actions still read as a sentence. */
function sentence(t: TFunction, entry: TTransparencyEntry, v: Values): string {
  if (entry.outcome === 'denied') {
    return entry.section ? t('history.log.refusedSection', v) : t('history.log.refused', v);
  }
  switch (entry.action) {
    case 'participant.read':
      return t('history.log.openedCase', v);
    case 'section.read':
      return t('history.log.viewedSection', v);
    case 'record.read':
      return entry.section ? t('history.log.viewedRecord', v) : t('history.log.viewedRecords', v);
    case 'participant.reveal_identity':
      return t('history.log.viewedIdentity', v);
    case 'timeline.read':
      return t('history.log.readTimeline', v);
    case 'transparency.read':
      return t('history.log.readLog', v);
    case 'consent.scan_read':
      return t('history.log.openedScan', v);
    case 'participant.create':
      return t('history.log.createdCase', v);
    case 'section.write':
      return t('history.log.wroteNote', v);
    case 'record.write':
      return entry.section ? t('history.log.changedRecord', v) : t('history.log.changedRecords', v);
    case 'intake.saved':
      return t('history.log.intakeSaved', v);
    case 'intake.completed':
      return t('history.log.intakeCompleted', v);
    case 'intake.duplicate_flagged':
      return t('history.log.duplicateChecked', v);
    case 'record.conflict':
      return t('history.log.editConflict', v);
    case 'section.shared':
      return entry.share?.consent ? t('history.log.sharedUnderConsent', v) : t('history.log.shared', v);
    case 'section.share_ended':
      return t('history.log.shareEnded', v);
    case 'consent.recorded':
      return entry.consent ? t('history.log.consentRecorded', v) : t('history.log.consentRecordedPlain', v);
    case 'consent.withdrawn':
      return entry.consent ? t('history.log.consentWithdrawn', v) : t('history.log.consentWithdrawnPlain', v);
    case 'consent.form_printed':
      return t('history.log.formPrinted', v);
    case 'consent.scan_uploaded':
      return t('history.log.scanUploaded', v);
    case 'case.team_changed':
      return entry.teamChange === 'removed'
        ? t('history.log.memberRemoved', v)
        : t('history.log.memberAdded', v);
    case 'case.handover':
      return t('history.log.handover', v);
    case 'section.break_glass':
      return t('history.log.breakGlass', v);
    case 'consent.emergency_override':
      return t('history.log.emergencyShare', v);
    case 'participant.export':
      return t('history.log.exported', v);
    case 'participant.erase':
      return t('history.log.erased', v);
    case 'retention.hold':
      return t('history.log.retentionHold', v);
    case 'retention.clear':
      return t('history.log.retentionClear', v);
    default:
      return safetySentence(t, entry.action, v);
  }
}

/** Safety work: assessments, the plan, places, incidents and changes that call for reassessment. */
function safetySentence(t: TFunction, action: string, v: Values): string {
  switch (action) {
    case 'risk.read':
      return t('history.log.readAssessment', v);
    case 'risk.assessed':
      return t('history.log.assessed', v);
    case 'risk.lowering_decided':
      return t('history.log.loweringDecided', v);
    case 'risk.measure_saved':
      return t('history.log.planChanged', v);
    case 'risk.triggered':
      return t('history.log.riskTriggered', v);
    case 'place.read':
      return t('history.log.viewedPlaces', v);
    case 'place.recorded':
      return t('history.log.placeRecorded', v);
    case 'place.ended':
      return t('history.log.placeEnded', v);
    case 'incident.read':
      return t('history.log.readIncidents', v);
    case 'incident.recorded':
      return t('history.log.incidentRecorded', v);
    case 'incident.followed_up':
      return t('history.log.incidentFollowedUp', v);
    default:
      return itinerarySentence(t, action, v);
  }
}

/** Her itinerary: needs, plan, achievements, appointments and progress ratings. */
function itinerarySentence(t: TFunction, action: string, v: Values): string {
  switch (action) {
    case 'needs.read':
      return t('history.log.needsRead', v);
    case 'needs.saved':
      return t('history.log.needsSaved', v);
    case 'priorities.saved':
      return t('history.log.prioritiesSaved', v);
    case 'plan.read':
      return t('history.log.planRead', v);
    case 'plan.saved':
      return t('history.log.planSaved', v);
    case 'plan.agreed':
      return t('history.log.planAgreed', v);
    case 'plan.printed':
      return t('history.log.planPrinted', v);
    case 'milestone.recorded':
      return t('history.log.milestoneRecorded', v);
    case 'milestone.removed':
      return t('history.log.milestoneRemoved', v);
    case 'commitment.saved':
      return t('history.log.commitmentSaved', v);
    case 'commitment.removed':
      return t('history.log.commitmentRemoved', v);
    case 'monitoring.read':
      return t('history.log.monitoringRead', v);
    case 'monitoring.rated':
      return t('history.log.monitoringRated', v);
    case 'monitoring.self_rated':
      return t('history.log.selfRated', v);
    case 'monitoring.completed':
      return t('history.log.roundCompleted', v);
    default:
      return t('history.log.other', v);
  }
}

function Entry({ entry }: { entry: TTransparencyEntry }) {
  const { t, i18n } = useTranslation();
  const person = usePersonLabel();
  const sections = useSectionLabels();
  const purposes = usePurposeLabels();
  const audience = useAudienceLabel();
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const consentPurpose = entry.share?.consent?.purpose ?? entry.consent?.purpose;
  const values: Values = {
    actor: person(entry.actor),
    subject: entry.subject ? person(entry.subject) : t('history.someone'),
    section: entry.section ? sections[entry.section] : '',
    audience: entry.share ? audience(entry.share.audience) : '',
    purpose: consentPurpose ? purposes[consentPurpose] : '',
    givenOn: entry.share?.consent ? date.format(new Date(`${entry.share.consent.givenOn}T00:00:00Z`)) : '',
    action: entry.action,
  };
  return (
    <Paper component="li" withBorder radius="md" p="sm" bg={entry.flagged ? 'red.0' : undefined}>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="xs" c="dark.4">
          {entry.count > 1
            ? t('history.log.timesBetween', {
                count: entry.count,
                from: time.format(new Date(entry.firstAt)),
                to: time.format(new Date(entry.at)),
              })
            : time.format(new Date(entry.at))}
        </Text>
        {entry.flagged && (
          <Badge
            size="sm"
            color="red.9"
            variant="filled"
            leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}
          >
            {t('history.log.flagged')}
          </Badge>
        )}
      </Group>
      <Text>{sentence(t, entry, values)}</Text>
      {entry.reason && (
        <Text size="sm" c="dark.6" mt={4}>
          {t('history.log.reason', { reason: entry.reason })}
        </Text>
      )}
    </Paper>
  );
}

export function TransparencyPanel({ participant }: { participant: TParticipantDetail }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const log = useInfiniteQuery(transparencyQuery(participant.id));
  const dayFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' });
  // A very busy day may run over two pages: its entries are shown under one heading.
  const days = (log.data?.pages.flatMap((page) => page.days) ?? []).reduce<TTransparencyDay[]>((all, day) => {
    const last = all[all.length - 1];
    if (last?.date === day.date) last.entries = [...last.entries, ...day.entries];
    else all.push({ ...day });
    return all;
  }, []);

  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }}>
      <Title order={2} size="h4" mb={4}>
        {t('history.log.title')}
      </Title>
      <Text size="sm" c="dark.5" mb="md" maw={720}>
        {t('history.log.intro')}
      </Text>
      {log.isPending && <LoadingState />}
      {log.isError && <ErrorState message={errorMessage(log.error)} onRetry={() => void log.refetch()} />}
      {log.isSuccess && days.length === 0 && <Text c="dark.4">{t('history.log.empty')}</Text>}
      <Stack gap="lg">
        {days.map((day) => (
          <section key={day.date} aria-labelledby={`log-day-${day.date}`}>
            <Title order={3} size="h5" id={`log-day-${day.date}`} mb="xs">
              {dayFormat.format(new Date(`${day.date}T00:00:00Z`))}
            </Title>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {day.entries.map((entry) => (
                <Entry key={entry.id} entry={entry} />
              ))}
            </Stack>
          </section>
        ))}
      </Stack>
      {log.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('history.log.older')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
