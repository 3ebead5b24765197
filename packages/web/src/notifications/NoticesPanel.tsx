/** Notices for the signed-in person: emergency access to her cases, alerts for coordinators. */
import { type TNotification, ZNotificationList } from '@cope/contracts';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { api } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { useSectionLabels } from '../participants/section-labels';

const noticesQuery = {
  queryKey: ['notifications'],
  queryFn: ({ signal }: { signal: AbortSignal }) => api('/api/notifications', ZNotificationList, { signal }),
};

function NoticeText({ notice }: { notice: TNotification }) {
  const { t } = useTranslation();
  const sections = useSectionLabels();
  if (notice.kind === 'break_glass') {
    return (
      <Text>
        {t('notices.breakGlass', { by: notice.by, section: sections[notice.section] })}{' '}
        <Anchor component={Link} to={`/participants/${notice.participantId}`} ff="monospace">
          {notice.caseCode}
        </Anchor>
      </Text>
    );
  }
  if (notice.kind === 'handover') {
    return (
      <Text>
        {t('caseTeam.notice.handover', { by: notice.by })}{' '}
        <Anchor component={Link} to={`/participants/${notice.participantId}?tab=team`} ff="monospace">
          {notice.caseCode}
        </Anchor>
      </Text>
    );
  }
  if (notice.kind === 'possible_duplicate') {
    return (
      <Text>
        {t('notices.possibleDuplicate', { by: notice.by, others: notice.otherCaseCodes.join(', ') })}{' '}
        <Anchor component={Link} to={`/participants/${notice.participantId}`} ff="monospace">
          {notice.caseCode}
        </Anchor>
      </Text>
    );
  }
  if (notice.kind === 'repeated_denials') {
    return (
      <Text>
        {t('notices.repeatedDenials', {
          name: notice.staffName,
          count: notice.count,
          minutes: notice.windowMinutes,
        })}
      </Text>
    );
  }
  return <Text>{t('notices.other')}</Text>;
}

export function NoticesPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useDateFormatter();
  const queryClient = useQueryClient();
  const notices = useQuery(noticesQuery);
  const markRead = useMutation({
    mutationFn: (id: string) =>
      api(`/api/notifications/${id}/read`, z.object({ read: z.literal(true) }), { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesQuery.queryKey }),
  });

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      maw={880}
      mt="lg"
      component="section"
      aria-labelledby="notices-title"
    >
      <Group justify="space-between" mb="md">
        <Text fw={600} fz="lg" component="h2" id="notices-title">
          {t('notices.title')}
        </Text>
        {notices.data && notices.data.unread > 0 && (
          <Badge color="red.8">{t('notices.unread', { count: notices.data.unread })}</Badge>
        )}
      </Group>
      {notices.isPending && <LoadingState />}
      {notices.isError && (
        <ErrorState message={errorMessage(notices.error)} onRetry={() => void notices.refetch()} />
      )}
      {notices.data?.items.length === 0 && <Text c="dark.4">{t('notices.none')}</Text>}
      <Stack gap="sm">
        {notices.data?.items.map((notice) => (
          <Paper key={notice.id} withBorder p="sm" radius="md" bg={notice.read ? undefined : 'yellow.0'}>
            <Text size="xs" c="dark.4" mb={4}>
              {formatDate(notice.createdAt)}
            </Text>
            <NoticeText notice={notice} />
            {!notice.read && (
              <Button size="xs" variant="subtle" mt="xs" onClick={() => markRead.mutate(notice.id)}>
                {t('notices.markRead')}
              </Button>
            )}
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
