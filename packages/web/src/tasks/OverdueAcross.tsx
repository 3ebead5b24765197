/**
 * For coordinators: every overdue task of the organization, the longest overdue first, so that
 * nothing waits unseen when someone is away or overloaded. Cases by code only.
 */
import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { overdueAcrossQuery } from './api';
import { taskHref, useTaskSentence, useTriggerLabels } from './labels';

export function OverdueAcross() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useDateFormatter();
  const sentence = useTaskSentence();
  const triggers = useTriggerLabels();
  const overdue = useQuery(overdueAcrossQuery);

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      maw={880}
      mt="xl"
      component="section"
      aria-labelledby="overdue-across-title"
    >
      <Text fw={600} fz="lg" component="h2" id="overdue-across-title">
        {t('tasks.across.title')}
      </Text>
      <Text size="sm" c="dark.4" mb="md">
        {t('tasks.across.intro')}
      </Text>
      {overdue.isPending && <LoadingState />}
      {overdue.isError && (
        <ErrorState message={errorMessage(overdue.error)} onRetry={() => void overdue.refetch()} />
      )}
      {overdue.data?.items.length === 0 && <Text c="dark.4">{t('tasks.across.none')}</Text>}
      {overdue.data && overdue.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tasks.across.case')}</Table.Th>
                <Table.Th scope="col">{t('tasks.across.what')}</Table.Th>
                <Table.Th scope="col">{t('tasks.across.who')}</Table.Th>
                <Table.Th scope="col">{t('tasks.across.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overdue.data.items.map((item) => {
                const href = taskHref(item);
                return (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      {item.caseCode && href ? (
                        <Anchor component={Link} to={href} ff="monospace" fw={600}>
                          {item.caseCode}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {sentence(item)}
                      {item.trigger ? ` ${triggers[item.trigger]}` : ''}
                    </Table.Td>
                    <Table.Td>{item.assignee.displayName}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="red.9" fw={600}>
                        {t('tasks.across.dueOn', { date: formatDate(`${item.dueOn}T12:00:00`) })}
                      </Text>
                      <Text size="sm" c="dark.5">
                        {t('tasks.across.daysOverdue', { count: item.daysOverdue })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {overdue.data?.truncated && (
        <Text size="sm" c="dark.5" mt="sm">
          {t('tasks.across.truncated', { count: overdue.data.items.length })}
        </Text>
      )}
    </Paper>
  );
}
