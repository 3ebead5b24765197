/**
 * Her incident log on the case's safety tab: each incident in words with its date, what
 * happened, what was done, who recorded it and whether it was followed up; and the form to
 * record one, with the organization's protocol at hand.
 */
import type { TIncident, TParticipantDetail } from '@cope/contracts';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { incidentsQuery, markFollowedUp, refreshCase } from './api';
import { useIncidentKindLabels } from './labels';
import { RecordIncidentForm } from './RecordIncidentForm';

/** Shown by the safety tab only to viewers with full access to her safety section. */
export function IncidentsPanel({ participant }: { participant: TParticipantDetail }) {
  return <IncidentLog participant={participant} />;
}

function IncidentLog({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const incidents = useQuery(incidentsQuery(participant.id));
  const [recording, setRecording] = useState(false);
  const [status, setStatus] = useState('');
  const followUp = useMutation({
    mutationFn: (incidentId: string) => markFollowedUp(participant.id, incidentId),
    onSuccess: async () => {
      setStatus(t('incidents.item.followedUp'));
      await refreshCase(queryClient, participant.id);
    },
  });
  const canRecord = Boolean(incidents.data?.canRecord) && !participant.erased;

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'xl' }}
      component="section"
      aria-labelledby="incidents-title"
    >
      <Group justify="space-between" wrap="wrap" gap="sm" mb="xs">
        <Text fw={600} component="h2" fz="lg" m={0} id="incidents-title">
          {t('incidents.title')}
        </Text>
        {canRecord && !recording && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => {
              setStatus('');
              setRecording(true);
            }}
          >
            {t('incidents.record')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dark.4" mb="md">
        {t('incidents.intro')}
      </Text>
      {participant.erased && (
        <Text size="sm" c="dark.5" mb="md">
          {t('incidents.erased')}
        </Text>
      )}
      <Text size="sm" c="teal.9" fw={500} role="status" mb={status ? 'md' : 0}>
        {status}
      </Text>
      {recording && (
        <Paper withBorder radius="md" p="md" mb="lg" bg="gray.0">
          <RecordIncidentForm
            participantId={participant.id}
            onCancel={() => setRecording(false)}
            onSaved={() => {
              setRecording(false);
              setStatus(t('incidents.recorded'));
            }}
          />
        </Paper>
      )}
      {incidents.isPending && <LoadingState minHeight={120} />}
      {incidents.isError && (
        <ErrorState message={errorMessage(incidents.error)} onRetry={() => void incidents.refetch()} />
      )}
      {incidents.data?.items.length === 0 && <Text c="dark.4">{t('incidents.none')}</Text>}
      {incidents.data && incidents.data.items.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {incidents.data.items.map((incident) => (
            <IncidentItem
              key={incident.id}
              incident={incident}
              canFollowUp={canRecord}
              pending={followUp.isPending && followUp.variables === incident.id}
              onFollowUp={() => followUp.mutate(incident.id)}
            />
          ))}
        </Stack>
      )}
      {followUp.isError && (
        <Text role="alert" mt="md" c="red.8" size="sm">
          {errorMessage(followUp.error)}
        </Text>
      )}
    </Paper>
  );
}

function IncidentItem(props: {
  incident: TIncident;
  canFollowUp: boolean;
  pending: boolean;
  onFollowUp: () => void;
}) {
  const { incident, canFollowUp, pending, onFollowUp } = props;
  const { t } = useTranslation();
  const kinds = useIncidentKindLabels();
  const formatDate = useDateFormatter();
  const occurred = formatDate(`${incident.occurredOn}T12:00:00`);
  const sealed = incident.description === null;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="li"
      aria-label={t('incidents.item.label', { kind: kinds[incident.kind], date: occurred })}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} component="h3" fz="md" m={0}>
            {kinds[incident.kind]}
          </Text>
          <Text size="sm" c="dark.5">
            {t('incidents.item.occurredOn', { date: occurred })}
          </Text>
        </Group>
        <div>
          <Text size="sm" fw={600}>
            {t('incidents.item.whatHappened')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {sealed ? t('incidents.item.sealed') : incident.description}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('incidents.item.actionsTaken')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {sealed ? t('incidents.item.sealed') : incident.actionsTaken || t('incidents.item.noActions')}
          </Text>
        </div>
        <Text size="sm" c="dark.5">
          {t('incidents.item.recordedBy', {
            name: incident.recordedBy.displayName,
            date: formatDate(incident.createdAt),
          })}
        </Text>
        <Group justify="space-between" wrap="wrap" gap="sm">
          {incident.followUpDoneAt ? (
            <Text size="sm" c="teal.9">
              {t('incidents.item.followUpDone', {
                name: incident.followUpBy?.displayName ?? '',
                date: formatDate(incident.followUpDoneAt),
              })}
            </Text>
          ) : (
            <Badge color="orange.9" variant="light" size="lg">
              {t('incidents.item.followUpWaiting')}
            </Badge>
          )}
          {!incident.followUpDoneAt && canFollowUp && (
            <Button variant="default" size="sm" onClick={onFollowUp} loading={pending}>
              {t('incidents.item.markFollowedUp')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
