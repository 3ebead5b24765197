/**
 * Her fixed commitments (court dates, appointments, a course, work) beside her plan's target
 * dates on one timeline for the coming months, with every clash said in words: which two, which
 * day, which hours. Commitments are added and removed here.
 */
import type { TCommitment, TPlanOverview } from '@cope/contracts';
import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ConfirmDialog } from '../auth/ConfirmDialog';
import { calendarDate, useDayFormatter } from '../itinerary/dates';
import { useDateFormatter } from '../participants/labels';
import { removeCommitment, useInvalidatePlan } from './api';
import { CommitmentForm } from './CommitmentForm';
import { useCommitmentKindLabels } from './labels';
import { Timeline } from './Timeline';

export function Commitments({
  participantId,
  overview,
  canEdit,
}: {
  participantId: string;
  overview: TPlanOverview;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useDateFormatter();
  const formatDay = useDayFormatter();
  const kinds = useCommitmentKindLabels();
  const invalidate = useInvalidatePlan();
  const [removing, setRemoving] = useState<TCommitment | null>(null);
  const [done, setDone] = useState('');
  const { commitments, conflicts } = overview.schedule;
  const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
  const name = (id: string) => byId.get(id)?.title ?? t('plan.commitments.unknown');
  const remove = useMutation({
    mutationFn: (commitment: TCommitment) => removeCommitment(participantId, commitment.id),
    onSuccess: async () => {
      setRemoving(null);
      setDone(t('plan.commitments.removed'));
      await invalidate();
    },
  });

  return (
    <Stack gap="md">
      {conflicts.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t('plan.commitments.conflictsTitle', { count: conflicts.length })}
          styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
          data-testid="plan-conflicts"
        >
          <List size="sm" spacing={4}>
            {conflicts.map((conflict) => (
              <List.Item key={`${conflict.date}:${conflict.firstId}:${conflict.secondId}`}>
                {t('plan.commitments.conflict', {
                  first: name(conflict.firstId),
                  second: name(conflict.secondId),
                  date: formatDay(conflict.date),
                  start: conflict.startTime,
                  end: conflict.endTime,
                })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Text component="h4" fw={600} fz="sm" m={0}>
        {t('plan.commitments.listTitle')}
      </Text>
      {commitments.length === 0 ? (
        <Text size="sm">{t('plan.commitments.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {commitments.map((commitment) => (
            <Paper key={commitment.id} component="li" withBorder radius="md" p="sm">
              <Group justify="space-between" align="center" gap="xs" wrap="wrap">
                <Stack gap={2} style={{ flex: '1 1 240px' }}>
                  <Text fw={600}>{commitment.title}</Text>
                  <Text size="sm">
                    {t('plan.commitments.line', {
                      kind: kinds[commitment.kind],
                      date: formatDay(commitment.date),
                      start: commitment.startTime,
                      end: commitment.endTime,
                    })}
                  </Text>
                  {commitment.repeatsWeeklyUntil && (
                    <Text size="sm">
                      {t('plan.commitments.weeklyUntil', {
                        date: formatDate(calendarDate(commitment.repeatsWeeklyUntil)),
                      })}
                    </Text>
                  )}
                </Stack>
                {canEdit && (
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconTrash size={14} aria-hidden="true" />}
                    aria-label={t('plan.commitments.removeOne', { title: commitment.title })}
                    onClick={() => setRemoving(commitment)}
                  >
                    {t('plan.commitments.remove')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Text role="status" size="sm">
        {done}
      </Text>
      {canEdit && (
        <CommitmentForm participantId={participantId} onAdded={() => setDone(t('plan.commitments.added'))} />
      )}

      <Text component="h4" fw={600} fz="sm" m={0}>
        {t('plan.timeline.title')}
      </Text>
      <Timeline overview={overview} />

      <ConfirmDialog
        opened={removing !== null}
        title={t('plan.commitments.removeTitle')}
        message={t('plan.commitments.removeMessage', { title: removing?.title ?? '' })}
        confirmLabel={t('plan.commitments.remove')}
        danger
        pending={remove.isPending}
        failure={remove.isError ? errorMessage(remove.error) : null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing)}
      />
    </Stack>
  );
}
