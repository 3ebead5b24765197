/** My tasks: the open list and marking one done. */
import { ZTaskDone, ZTaskList } from '@cope/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

export const tasksQuery = queryOptions({
  queryKey: ['tasks'],
  queryFn: ({ signal }) => api('/api/tasks', ZTaskList, { signal }),
});

export const markTaskDone = (taskId: string) =>
  api(`/api/tasks/${taskId}/done`, ZTaskDone, { method: 'POST' });
