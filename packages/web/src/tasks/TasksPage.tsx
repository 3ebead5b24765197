/**
 * My tasks: the work assigned to me across my cases by urgency — overdue (the longest overdue
 * first), due today, coming up — said in words as well as colour. Cases appear by code only.
 * Coordinators also see what is overdue across the organization; administrators find the
 * retention holds waiting for their decision; everyone finds their notices below.
 */
import type { TTask } from '@cope/contracts';
import { Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery } from '../auth/api';
import { HoldsToReview } from '../case-file/HoldsToReview';
import { PageHeader } from '../layout/PageHeader';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { NoticesPanel } from '../notifications/NoticesPanel';
import { markTaskDone, taskCountsQuery, tasksQuery } from './api';
import { OverdueAcross } from './OverdueAcross';
import { TaskItem } from './TaskItem';

type Group = 'overdue' | 'today' | 'upcoming';

const groupOf = (task: TTask): Group => (task.overdue ? 'overdue' : task.dueToday ? 'today' : 'upcoming');

function TaskGroup({
  id,
  title,
  tasks,
  done,
}: {
  id: string;
  title: string;
  tasks: TTask[];
  done: { isPending: boolean; variables: string | undefined; mutate: (id: string) => void };
}) {
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <Text fw={600} component="h3" id={id} mb="xs" c={id === 'tasks-overdue' ? 'red.9' : undefined}>
        {title}
      </Text>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tasks.map((task) => (
          <TaskItem
            key={task.id}
            task={task}
            pending={done.isPending && done.variables === task.id}
            onDone={() => done.mutate(task.id)}
          />
        ))}
      </Stack>
    </section>
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
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: tasksQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: taskCountsQuery.queryKey }),
      ]);
    },
  });
  // The server sends them in order; grouping keeps that order inside each group.
  const items = tasks.data?.items ?? [];
  const grouped = (group: Group) => items.filter((task) => groupOf(task) === group);

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
      {items.length > 0 && (
        <Stack gap="lg">
          <TaskGroup
            id="tasks-overdue"
            title={t('tasks.groups.overdue')}
            tasks={grouped('overdue')}
            done={done}
          />
          <TaskGroup id="tasks-today" title={t('tasks.groups.today')} tasks={grouped('today')} done={done} />
          <TaskGroup
            id="tasks-upcoming"
            title={t('tasks.groups.upcoming')}
            tasks={grouped('upcoming')}
            done={done}
          />
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
      {roles.includes('coordinator') && <OverdueAcross />}
      {roles.includes('administrator') && <HoldsToReview />}
      <NoticesPanel />
    </>
  );
}
