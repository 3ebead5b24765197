/** My tasks: the open list by urgency, the counts in the navigation, the coordinator's overdue view. */
import { ZOverdueTaskList, ZTaskCounts, ZTaskDone, ZTaskList } from '@cope/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

export const tasksQuery = queryOptions({
  queryKey: ['tasks'],
  queryFn: ({ signal }) => api('/api/tasks', ZTaskList, { signal }),
});

/** Under the tasks key: invalidating the tasks invalidates the counts too. */
export const taskCountsQuery = queryOptions({
  queryKey: ['tasks', 'counts'],
  queryFn: ({ signal }) => api('/api/tasks/counts', ZTaskCounts, { signal }),
  staleTime: 0,
});

export const overdueAcrossQuery = queryOptions({
  queryKey: ['tasks', 'overdue-across'],
  queryFn: ({ signal }) => api('/api/tasks/overdue', ZOverdueTaskList, { signal }),
});

export const markTaskDone = (taskId: string) =>
  api(`/api/tasks/${taskId}/done`, ZTaskDone, { method: 'POST' });
