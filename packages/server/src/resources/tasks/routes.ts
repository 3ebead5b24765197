/** My tasks by urgency, their counts for the navigation, the coordinator's overdue view, done. */
import { ZOverdueTaskList, ZTaskCounts, ZTaskDone, ZTaskList, ZTaskParams } from '@cope/contracts';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { AppError, forbidden } from '../../http/errors.js';
import { authorize, recordDenial } from '../../policy/enforce.js';
import { can } from '../../policy/index.js';
import { overdueAcrossOrganization } from './overview.js';
import { markDone, openTasksOf, taskCountsOf } from './service.js';

const tags = ['tasks'];

export async function taskRoutes({ app, db }: AppContext): Promise<void> {
  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'My open tasks by urgency: overdue, due today, coming up',
        response: { 200: ZTaskList },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      // Every staff role may list its own tasks; only an unfinished sign-in is refused here.
      if (!can(viewer, 'task.list')) throw forbidden();
      return { items: await db.run(viewer, (tx) => openTasksOf(tx, viewer)) };
    },
  );

  app.get(
    '/api/tasks/counts',
    {
      schema: {
        tags,
        summary: 'How many of my open tasks are overdue and due in the next 7 days (navigation badges)',
        response: { 200: ZTaskCounts },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      if (!can(viewer, 'task.list')) throw forbidden();
      return db.run(viewer, (tx) => taskCountsOf(tx, viewer));
    },
  );

  app.get(
    '/api/tasks/overdue',
    {
      schema: {
        tags,
        summary: 'Every overdue open task of the organization, most overdue first (coordinators)',
        response: { 200: ZOverdueTaskList },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'task.org_overview', { resourceType: 'task' });
      return db.run(viewer, (tx) => overdueAcrossOrganization(tx, viewer));
    },
  );

  app.post(
    '/api/tasks/:taskId/done',
    {
      schema: {
        tags,
        summary: 'Mark a task done (the person it is assigned to, or a coordinator)',
        params: ZTaskParams,
        response: { 200: ZTaskDone },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { taskId } = request.params;
      if (!can(viewer, 'task.list')) {
        await recordDenial(db, viewer, 'task.done', { resourceType: 'task', resourceId: taskId });
        throw forbidden();
      }
      try {
        return await db.run(viewer, (tx) => markDone(tx, viewer, taskId));
      } catch (error) {
        // The refusal is written in its own transaction: the request's work was rolled back.
        if (error instanceof AppError && error.code === 'FORBIDDEN') {
          await recordDenial(db, viewer, 'task.done', { resourceType: 'task', resourceId: taskId });
        }
        throw error;
      }
    },
  );
}
