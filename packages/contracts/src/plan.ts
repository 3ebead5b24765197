/**
 * Her individual plan, its versions and her agreement, milestones and fixed commitments
 * (DOMAIN.md "Individual integration plan"). One schema per payload, shared with the staff app.
 */
import {
  AGREEMENT_METHODS,
  COMMITMENT_KINDS,
  CONSENT_FORM_LANGUAGES,
  checkPlan,
  isClockTime,
  isIsoDate,
  STEP_OWNER_KINDS,
  STEP_STATUSES,
  STEP_SUPPORTS,
} from '@cope/domain';
import { z } from 'zod';
import { ZSphere } from './needs.js';

const isoDate = (message: string) => z.string().refine(isIsoDate, { message });
const ZPerson = z.object({ id: z.string(), displayName: z.string() });

export const ZPlanVersionParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  version: z.coerce.number().int().min(1, { message: 'Plan versions start at 1.' }),
});

export const ZPlanStep = z.strictObject({
  id: z.uuid({ message: 'A step needs an id.' }),
  what: z
    .string()
    .trim()
    .min(2, { message: 'Say what the step is.' })
    .max(500, { message: 'Keep the step under 500 characters.' }),
  owner: z.strictObject({
    kind: z.enum(STEP_OWNER_KINDS, {
      message: 'Choose who does this step: herself, a team member or a partner.',
    }),
    userId: z.uuid({ message: 'Choose the team member who does this step.' }).nullable().optional(),
    partnerName: z.string().trim().max(200).nullable().optional(),
  }),
  targetOn: isoDate('The target date is not a valid date.'),
  status: z.enum(STEP_STATUSES, { message: 'Choose planned, in progress, done or dropped.' }),
  droppedReason: z.string().trim().max(1000).nullable().optional(),
  supports: z.array(z.enum(STEP_SUPPORTS, { message: 'This is not a known support.' })).default([]),
});
export type TPlanStep = z.infer<typeof ZPlanStep>;

export const ZPlanGoal = z.strictObject({
  id: z.uuid({ message: 'A goal needs an id.' }),
  sphere: ZSphere,
  text: z
    .string()
    .trim()
    .min(2, { message: 'Write the goal as she says it.' })
    .max(1000, { message: 'Keep the goal under 1,000 characters.' }),
  steps: z.array(ZPlanStep).max(30, { message: 'At most 30 steps per goal.' }),
});
export type TPlanGoal = z.infer<typeof ZPlanGoal>;

const PROBLEM_MESSAGES = {
  owner_missing: 'Say who does this step: herself, a team member (choose one) or a partner (write its name).',
  target_before_start: 'The target date is before the plan starts.',
  target_beyond_horizon: 'The target date is more than two years after the plan starts.',
  dropped_without_reason: 'Write why this step was dropped.',
  duplicate_id: 'This id is used twice in the plan.',
} as const;

/** Her plan's content: the whole draft is saved at once (`revision`: the revision read). */
export const ZPlanDraftSave = z
  .strictObject({
    revision: z.number().int().min(1),
    startsOn: isoDate('The start date is not a valid date.'),
    goals: z.array(ZPlanGoal).max(60, { message: 'At most 60 goals.' }),
  })
  .superRefine((value, ctx) => {
    for (const { field, problem } of checkPlan(value)) {
      ctx.addIssue({
        code: 'custom',
        path: field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        message: PROBLEM_MESSAGES[problem],
      });
    }
  })
  .meta({ id: 'PlanDraftSave' });
export type TPlanDraftSave = z.input<typeof ZPlanDraftSave>;

/** Her agreement to a version: her signature drawn on screen, or spoken before a witness. */
export const ZPlanAgreement = z
  .strictObject({
    revision: z.number().int().min(1),
    method: z.enum(AGREEMENT_METHODS, {
      message: 'Choose a signature on screen or spoken agreement with a witness.',
    }),
    agreedOn: isoDate('The date of her agreement is not a valid date.'),
    /** PNG data URL drawn on screen (method `signature`). */
    signature: z
      .string()
      .max(400_000, { message: 'The signature image is too large; clear it and sign again.' })
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'The signature is not a drawn image.' })
      .nullable()
      .optional(),
    /** The witness's name (method `verbal_witnessed`). */
    witnessName: z.string().trim().max(200).nullable().optional(),
    note: z.string().trim().max(1000).default(''),
  })
  .superRefine((value, ctx) => {
    if (value.method === 'signature' && !value.signature)
      ctx.addIssue({ code: 'custom', path: ['signature'], message: 'Ask her to sign in the box first.' });
    if (value.method === 'verbal_witnessed' && !value.witnessName?.trim())
      ctx.addIssue({ code: 'custom', path: ['witnessName'], message: 'Write the name of the witness.' });
  })
  .meta({ id: 'PlanAgreement' });
export type TPlanAgreement = z.input<typeof ZPlanAgreement>;

export const ZPlanVersion = z
  .object({
    version: z.number().int(),
    status: z.enum(['draft', 'agreed', 'superseded']),
    revision: z.number().int(),
    basedOnVersion: z.number().int().nullable(),
    startsOn: z.string(),
    goals: z.array(ZPlanGoal),
    agreement: z
      .object({
        method: z.enum(AGREEMENT_METHODS),
        agreedOn: z.string(),
        witnessName: z.string().nullable(),
        hasSignature: z.boolean(),
        note: z.string(),
        recordedBy: ZPerson.nullable(),
      })
      .nullable(),
    createdBy: ZPerson.nullable(),
    updatedBy: ZPerson.nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanVersion' });
export type TPlanVersion = z.infer<typeof ZPlanVersion>;

export const ZPlanVersionSummary = ZPlanVersion.pick({
  version: true,
  status: true,
  startsOn: true,
  updatedAt: true,
  createdBy: true,
}).extend({ agreedOn: z.string().nullable(), agreementMethod: z.enum(AGREEMENT_METHODS).nullable() });
export type TPlanVersionSummary = z.infer<typeof ZPlanVersionSummary>;

export const ZMilestoneRequest = z
  .strictObject({
    sphere: ZSphere,
    achievedOn: isoDate('The date is not a valid date.'),
    text: z
      .string()
      .trim()
      .min(2, { message: 'Say what she achieved.' })
      .max(500, { message: 'Keep it under 500 characters.' }),
  })
  .meta({ id: 'MilestoneRequest' });
export type TMilestoneRequest = z.input<typeof ZMilestoneRequest>;

export const ZMilestone = z
  .object({
    id: z.string(),
    sphere: ZSphere,
    achievedOn: z.string(),
    text: z.string(),
    recordedBy: ZPerson.nullable(),
  })
  .meta({ id: 'Milestone' });
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZMilestoneParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  milestoneId: z.uuid({ message: 'This is not a valid milestone id.' }),
});

const clock = (message: string) => z.string().refine(isClockTime, { message });

export const ZCommitmentRequest = z
  .strictObject({
    kind: z.enum(COMMITMENT_KINDS, { message: 'Choose what kind of commitment this is.' }),
    title: z
      .string()
      .trim()
      .min(2, { message: 'Give the commitment a short name.' })
      .max(200, { message: 'Keep the name under 200 characters.' }),
    date: isoDate('The date is not a valid date.'),
    startTime: clock('Write the start time like 09:30.'),
    endTime: clock('Write the end time like 11:00.'),
    repeatsWeeklyUntil: isoDate('The last day is not a valid date.').nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.endTime <= value.startTime)
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: 'The end time must be after the start time.',
      });
    if (value.repeatsWeeklyUntil && value.repeatsWeeklyUntil < value.date)
      ctx.addIssue({
        code: 'custom',
        path: ['repeatsWeeklyUntil'],
        message: 'The last day is before the first.',
      });
  })
  .meta({ id: 'CommitmentRequest' });
export type TCommitmentRequest = z.input<typeof ZCommitmentRequest>;

export const ZCommitment = z
  .object({
    id: z.string(),
    kind: z.enum(COMMITMENT_KINDS),
    title: z.string(),
    date: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    repeatsWeeklyUntil: z.string().nullable(),
  })
  .meta({ id: 'Commitment' });
export type TCommitment = z.infer<typeof ZCommitment>;

export const ZCommitmentParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  commitmentId: z.uuid({ message: 'This is not a valid commitment id.' }),
});

export const ZSchedule = z
  .object({
    commitments: z.array(ZCommitment),
    /** Overlapping commitments from today over the plan's horizon (weekly ones expanded). */
    conflicts: z.array(
      z.object({
        date: z.string(),
        firstId: z.string(),
        secondId: z.string(),
        startTime: z.string(),
        endTime: z.string(),
      }),
    ),
  })
  .meta({ id: 'Schedule' });
export type TSchedule = z.infer<typeof ZSchedule>;

export const ZPlanOverview = z
  .object({
    /** The version in force (latest agreed), or null before her first agreement. */
    current: ZPlanVersion.nullable(),
    draft: ZPlanVersion.nullable(),
    versions: z.array(ZPlanVersionSummary),
    milestones: z.array(ZMilestone),
    schedule: ZSchedule,
    /** Team members a step may name as its owner. */
    team: z.array(ZPerson),
    abilities: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'PlanOverview' });
export type TPlanOverview = z.infer<typeof ZPlanOverview>;

export const ZPlanPdfQuery = z.strictObject({
  language: z.enum(CONSENT_FORM_LANGUAGES, {
    message: 'Choose one of the languages the plan can be printed in.',
  }),
  version: z.coerce.number().int().min(1).optional(),
});
