/**
 * Work assigned to a staff member. Tasks name cases by code only, never by name: the list is
 * shown on a screen that others may glance at.
 */
import { REASSESSMENT_TRIGGERS, SECTIONS } from '@cope/domain';
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
  'itinerary_review',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * Tasks that close by themselves when the work is recorded (a new assessment, a coordinator's
 * decision), so that a reassessment can never be ticked off without being done.
 */
export const SELF_CLOSING_TASK_KINDS: readonly TaskKind[] = [
  'risk_assessment',
  'risk_reassessment',
  'confirm_risk_lowering',
  'itinerary_review',
];

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
    dueToday: z.boolean().meta({ description: 'Due today.' }),
    trigger: z
      .enum(REASSESSMENT_TRIGGERS)
      .nullable()
      .optional()
      .meta({ description: 'For a reassessment an event made due: what happened (a code).' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Task' });
export type TTask = z.infer<typeof ZTask>;

export const ZTaskList = z
  .object({
    items: z.array(ZTask).meta({
      description:
        'Open tasks of the viewer by urgency: overdue (most overdue first), due today, then coming up by date.',
    }),
  })
  .meta({ id: 'TaskList' });
export type TTaskList = z.infer<typeof ZTaskList>;

/** What the navigation shows next to "My tasks". */
export const ZTaskCounts = z
  .object({
    overdue: z.number().int().meta({ description: 'My open tasks due before today.' }),
    dueSoon: z.number().int().meta({ description: 'My open tasks due today or in the next 7 days.' }),
  })
  .meta({ id: 'TaskCounts' });
export type TTaskCounts = z.infer<typeof ZTaskCounts>;

/** One overdue task in the coordinator's view of the whole organization. */
export const ZOverdueTask = z
  .object({
    id: z.string(),
    kind: ZTask.shape.kind,
    trigger: ZTask.shape.trigger,
    participantId: z.string().nullable(),
    caseCode: z.string().nullable().meta({ description: 'The pseudonymous case code; never her name.' }),
    section: ZTask.shape.section,
    dueOn: z.string(),
    daysOverdue: z.number().int(),
    assignee: z.object({ id: z.string(), displayName: z.string() }),
  })
  .meta({ id: 'OverdueTask' });
export type TOverdueTask = z.infer<typeof ZOverdueTask>;

export const ZOverdueTaskList = z
  .object({
    items: z.array(ZOverdueTask).meta({ description: 'Most overdue first.' }),
    truncated: z.boolean().meta({ description: 'More overdue tasks exist than the list holds.' }),
  })
  .meta({ id: 'OverdueTaskList' });
export type TOverdueTaskList = z.infer<typeof ZOverdueTaskList>;

export const ZTaskParams = z.strictObject({
  taskId: z.uuid({ message: 'This is not a valid task id.' }),
});

export const ZTaskDone = z.object({ id: z.string(), doneAt: z.string() }).meta({ id: 'TaskDone' });
export type TTaskDone = z.infer<typeof ZTaskDone>;
