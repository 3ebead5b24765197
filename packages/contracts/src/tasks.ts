/**
 * Work assigned to a staff member. Tasks name cases by code only, never by name: the list is
 * shown on a screen that others may glance at.
 */
import { SECTIONS } from '@cope/domain';
import { z } from 'zod';

/** What a task asks for; the web turns each into a plain sentence. */
export const TASK_KINDS = [
  'risk_assessment',
  'tell_her_emergency_share',
  'review_after_withdrawal',
  'risk_reassessment',
  'risk_measure',
  'incident_follow_up',
  'confirm_risk_lowering',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const ZTask = z
  .object({
    id: z.string(),
    kind: z.enum([...TASK_KINDS, 'other']).meta({
      description: 'A kind this version does not know reads as `other`.',
    }),
    participantId: z.string().nullable(),
    caseCode: z.string().nullable().meta({ description: 'The pseudonymous case code; never her name.' }),
    section: z
      .enum(SECTIONS)
      .nullable()
      .meta({ description: 'The case section the task is about, when it names one.' }),
    dueOn: z.string().meta({ description: 'ISO date (yyyy-mm-dd).' }),
    overdue: z.boolean().meta({ description: 'Due before today.' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Task' });
export type TTask = z.infer<typeof ZTask>;

export const ZTaskList = z
  .object({ items: z.array(ZTask).meta({ description: 'Open tasks of the viewer, soonest due first.' }) })
  .meta({ id: 'TaskList' });
export type TTaskList = z.infer<typeof ZTaskList>;

export const ZTaskParams = z.strictObject({
  taskId: z.uuid({ message: 'This is not a valid task id.' }),
});

export const ZTaskDone = z.object({ id: z.string(), doneAt: z.string() }).meta({ id: 'TaskDone' });
export type TTaskDone = z.infer<typeof ZTaskDone>;
