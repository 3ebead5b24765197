/**
 * My tasks: the work assigned to me across my cases, soonest due first, overdue ones said in
 * words as well as colour. Cases appear by code only. Administrators also find here the
 * retention holds waiting for their decision; everyone finds their notices below.
 */
import type { TTask } from '@cope/contracts';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery } from '../auth/api';
import { HoldsToReview } from '../case-file/HoldsToReview';
import { PageHeader } from '../layout/PageHeader';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { NoticesPanel } from '../notifications/NoticesPanel';
import { useDateFormatter } from '../participants/labels';
import { useSectionLabels } from '../participants/section-labels';
import { markTaskDone, tasksQuery } from './api';

function useTaskSentence(): (task: TTask) => string {
  const { t } = useTranslation();
  const sections = useSectionLabels();
  return (task) => {
    switch (task.kind) {
      case 'risk_assessment':
        return t('tasks.kind.riskAssessment');
      case 'tell_her_emergency_share':
        return task.section
          ? t('tasks.kind.tellHerEmergencyShareSection', { section: sections[task.section] })
          : t('tasks.kind.tellHerEmergencyShare');
      case 'review_after_withdrawal':
        return t('tasks.kind.reviewAfterWithdrawal');
      default:
        return t('tasks.kind.other');
    }
  };
}

function TaskItem({ task, onDone, pending }: { task: TTask; onDone: () => void; pending: boolean }) {
  const { t } = useTranslation();
  const sentence = useTaskSentence();
  const formatDate = useDateFormatter();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="li"
      style={task.overdue ? { borderColor: '#c92a2a', borderLeftWidth: 4 } : undefined}
    >
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 240px' }}>
          <Text fw={600}>{sentence(task)}</Text>
          <Group gap="xs" wrap="wrap">
            {task.caseCode && task.participantId && (
              <Text size="sm">
                {t('tasks.case')}{' '}
                <Anchor component={Link} to={`/participants/${task.participantId}`} ff="monospace" fw={600}>
                  {task.caseCode}
                </Anchor>
              </Text>
            )}
            <Text size="sm" c={task.overdue ? 'red.9' : 'dark.5'} fw={task.overdue ? 600 : undefined}>
              {t('tasks.due', { date: formatDate(`${task.dueOn}T12:00:00`) })}
            </Text>
            {task.overdue && (
              <Badge color="red.9" variant="filled">
                {t('tasks.overdue')}
              </Badge>
            )}
          </Group>
        </Stack>
        <Button variant="default" onClick={onDone} loading={pending}>
          {t('tasks.markDone')}
        </Button>
      </Group>
    </Paper>
  );
}

function MyTasks() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const tasks = useQuery(tasksQuery);
  const [doneMessage, setDoneMessage] = useState(false);
  const done = useMutation({
    mutationFn: markTaskDone,
    onSuccess: async () => {
      setDoneMessage(true);
      await queryClient.invalidateQueries({ queryKey: tasksQuery.queryKey });
    },
  });

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      maw={880}
      component="section"
      aria-labelledby="tasks-title"
    >
      <Text fw={600} fz="lg" component="h2" id="tasks-title" mb="md">
        {t('tasks.listTitle')}
      </Text>
      {tasks.isPending && <LoadingState />}
      {tasks.isError && (
        <ErrorState message={errorMessage(tasks.error)} onRetry={() => void tasks.refetch()} />
      )}
      {tasks.data?.items.length === 0 && <Text c="dark.4">{t('tasks.none')}</Text>}
      {tasks.data && tasks.data.items.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {tasks.data.items.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              pending={done.isPending && done.variables === task.id}
              onDone={() => done.mutate(task.id)}
            />
          ))}
        </Stack>
      )}
      {doneMessage && !done.isError && (
        <Text role="status" mt="md" c="teal.9">
          {t('tasks.doneMessage')}
        </Text>
      )}
      {done.isError && (
        <Text role="alert" mt="md" c="red.8">
          {errorMessage(done.error)}
        </Text>
      )}
    </Paper>
  );
}

export function TasksPage() {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const roles = me.data?.user.roles ?? [];
  return (
    <>
      <PageHeader title={t('nav.tasks')} description={t('tasks.intro')} />
      <MyTasks />
      {roles.includes('administrator') && <HoldsToReview />}
      <NoticesPanel />
    </>
  );
}
