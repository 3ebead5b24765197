/** Where she is signed in, with a way to end one session or all of them. */
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ConfirmDialog } from '../auth/ConfirmDialog';
import { useDateTimeFormatter } from '../auth/date-time';
import { useSignOut } from '../auth/use-sign-out';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { endAllSessions, endSession, sessionsQuery } from './api';
import { describeUserAgent } from './user-agent';

export function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery);
  const errorMessage = useErrorMessage();
  const formatDateTime = useDateTimeFormatter();
  const signOut = useSignOut();
  const [confirmAll, setConfirmAll] = useState(false);
  const endOne = useMutation({
    mutationFn: endSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey }),
  });
  const endAll = useMutation({
    mutationFn: endAllSessions,
    // This session ended too: clean up here the way signing out does.
    onSuccess: () => signOut('signed_out', { notifyServer: false }),
  });

  const device = (userAgent: string | null) => {
    const described = describeUserAgent(userAgent);
    return described ? t('profile.sessions.device', described) : t('profile.sessions.unknownDevice');
  };

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="sessions-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="sessions-heading">
            {t('profile.sessions.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('profile.sessions.intro')}
          </Text>
        </div>
        {sessions.isPending && <LoadingState minHeight={120} />}
        {sessions.isError && (
          <ErrorState message={errorMessage(sessions.error)} onRetry={() => void sessions.refetch()} />
        )}
        {endOne.isError && <ErrorState message={errorMessage(endOne.error)} />}
        {sessions.data && (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('profile.sessions.caption')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('profile.sessions.deviceColumn')}</Table.Th>
                  <Table.Th scope="col">{t('profile.sessions.signedIn')}</Table.Th>
                  <Table.Th scope="col">{t('profile.sessions.lastActive')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('profile.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.items.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>{device(session.userAgent)}</Table.Td>
                    <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
                    <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {session.current ? (
                        <Badge variant="light" c="dark.7">
                          {t('profile.sessions.thisDevice')}
                        </Badge>
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          loading={endOne.isPending && endOne.variables === session.id}
                          onClick={() => endOne.mutate(session.id)}
                          aria-label={t('profile.sessions.endOneLabel', {
                            device: device(session.userAgent),
                          })}
                        >
                          {t('profile.sessions.endOne')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          <Button color="red" variant="light" onClick={() => setConfirmAll(true)}>
            {t('profile.sessions.endAll')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirmAll}
        title={t('profile.sessions.endAllTitle')}
        message={t('profile.sessions.endAllMessage')}
        confirmLabel={t('profile.sessions.endAll')}
        danger
        pending={endAll.isPending}
        failure={endAll.isError ? errorMessage(endAll.error) : null}
        onConfirm={() => endAll.mutate()}
        onClose={() => setConfirmAll(false)}
      />
    </Paper>
  );
}
