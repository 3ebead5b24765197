/**
 * Her risk assessments, the level in force and the risk management plan (DOMAIN.md "Risk
 * assessment"). The same schemas validate the staff app's forms and the server's requests.
 */
import {
  isIsoDate,
  latestCalendarDate,
  MEASURE_STATUSES,
  REASSESSMENT_TRIGGERS,
  RISK_FACTORS,
  RISK_LEVELS,
  TRI_STATE,
} from '@cope/domain';
import { z } from 'zod';

const isoDate = (message: string) => z.string().refine(isIsoDate, { message });
/** "Not in the future" for every user: the latest calendar date anywhere on Earth. */
const latestToday = () => latestCalendarDate(new Date());

const ZPerson = z.object({ id: z.string(), displayName: z.string() });

export const ZAssessmentParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  assessmentId: z.uuid({ message: 'This is not a valid assessment id.' }),
});

export const ZMeasureParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  measureId: z.uuid({ message: 'This is not a valid measure id.' }),
});

const ZLevel = z.enum(RISK_LEVELS, { message: 'Choose low, medium, high or critical.' });

/** One answer per factor: yes / no / unknown with an optional note. */
export const ZRiskAnswer = z.strictObject({
  answer: z.enum(TRI_STATE, { message: 'Answer yes, no or not known.' }),
  note: z.string().trim().max(1000, { message: 'Keep the note under 1,000 characters.' }).default(''),
});

const ZAnswers = z.strictObject(
  Object.fromEntries(RISK_FACTORS.map((factor) => [factor, ZRiskAnswer])) as Record<
    (typeof RISK_FACTORS)[number],
    typeof ZRiskAnswer
  >,
  { message: 'Every factor needs an answer (yes, no or not known).' },
);

const measureFields = {
  description: z
    .string()
    .trim()
    .min(3, { message: 'Say what will be done.' })
    .max(1000, { message: 'Keep the measure under 1,000 characters.' }),
  ownerUserId: z.uuid({ message: 'Choose who owns this measure.' }),
  dueOn: isoDate('The due date is not a valid date.'),
  status: z.enum(MEASURE_STATUSES, { message: 'Choose a status.' }),
};

/** A measure of her risk management plan: what will be done, by whom, by when. */
export const ZMeasureRequest = z
  .strictObject({ ...measureFields, status: measureFields.status.default('planned') })
  .meta({ id: 'MeasureRequest' });
export type TMeasureRequest = z.input<typeof ZMeasureRequest>;

/** A new assessment. The server scores it with the rules in force and keeps their version. */
export const ZRiskAssessmentRequest = z
  .strictObject({
    assessedOn: isoDate('The assessment date is not a valid date.').refine((d) => d <= latestToday(), {
      message: 'The assessment date cannot be in the future.',
    }),
    answers: ZAnswers,
    /** The level she is placed at when it differs from the computed one; null keeps it. */
    level: ZLevel.nullable().default(null),
    overrideReason: z
      .string()
      .trim()
      .max(2000, { message: 'Keep the reason under 2,000 characters.' })
      .default(''),
    summary: z.string().trim().max(4000, { message: 'Keep the summary under 4,000 characters.' }).default(''),
    /** Measures of her risk management plan saved with the assessment. */
    measures: z.array(ZMeasureRequest).max(20, { message: 'Add at most 20 measures at once.' }).default([]),
  })
  .meta({ id: 'RiskAssessmentRequest' });
export type TRiskAssessmentRequest = z.input<typeof ZRiskAssessmentRequest>;

/** A coordinator's decision on a lowering someone asked for. */
export const ZLoweringDecision = z
  .strictObject({
    confirm: z.boolean(),
    reason: z
      .string()
      .trim()
      .min(10, { message: 'Write why, in at least 10 characters.' })
      .max(2000, { message: 'Keep the reason under 2,000 characters.' }),
  })
  .meta({ id: 'LoweringDecision' });
export type TLoweringDecision = z.infer<typeof ZLoweringDecision>;

export const ZOverrideState = z.enum([
  'none',
  'raised',
  'lowering_pending',
  'lowered',
  'lowering_declined',
  'lowering_superseded',
]);

export const ZRiskAssessmentSummary = z
  .object({
    id: z.string(),
    assessedOn: z.string(),
    assessedBy: ZPerson,
    ruleVersion: z.number().int(),
    computedLevel: ZLevel,
    level: ZLevel,
    requestedLevel: ZLevel.nullable(),
    override: ZOverrideState,
    decidedBy: ZPerson.nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'RiskAssessmentSummary' });
export type TRiskAssessmentSummary = z.infer<typeof ZRiskAssessmentSummary>;

export const ZRiskAssessment = ZRiskAssessmentSummary.extend({
  answers: ZAnswers,
  points: z.number(),
  reasons: z.array(z.object({ factor: z.enum(RISK_FACTORS), answer: z.enum(['yes', 'unknown']) })),
  overrideReason: z.string().nullable(),
  decisionReason: z.string().nullable(),
  summary: z.string(),
}).meta({ id: 'RiskAssessment' });
export type TRiskAssessment = z.infer<typeof ZRiskAssessment>;

/** An event that made her last assessment out of date. */
export const ZRiskTrigger = z.object({
  id: z.string(),
  kind: z.enum([...REASSESSMENT_TRIGGERS, 'other']),
  occurredAt: z.string(),
  by: ZPerson.nullable(),
});
export type TRiskTrigger = z.infer<typeof ZRiskTrigger>;

/** What the case header shows on every tab: the level in force, its age, stale or overdue. */
export const ZRiskStatus = z
  .object({
    level: ZLevel.nullable().meta({ description: 'Null when she was never assessed.' }),
    assessedOn: z.string().nullable(),
    ageDays: z.number().int().nullable(),
    stale: z.boolean(),
    staleSince: z.string().nullable(),
    reassessDueOn: z.string().nullable(),
    overdue: z.boolean(),
    nearRiskArea: z
      .boolean()
      .meta({ description: 'A place recorded for her is inside or near a risk area.' }),
    pendingLowering: z.boolean(),
  })
  .meta({ id: 'RiskStatus' });
export type TRiskStatus = z.infer<typeof ZRiskStatus>;

export const ZRiskOverview = z
  .object({
    status: ZRiskStatus,
    triggers: z.array(ZRiskTrigger).meta({ description: 'Events since the assessment in force.' }),
    assessments: z.array(ZRiskAssessmentSummary),
    abilities: z.object({
      assess: z.boolean(),
      confirmLowering: z.boolean(),
      recordPlaces: z.boolean(),
      readPlaces: z.boolean(),
      recordIncidents: z.boolean(),
    }),
  })
  .meta({ id: 'RiskOverview' });
export type TRiskOverview = z.infer<typeof ZRiskOverview>;

/**
 * Changes a professional reports by hand ("she moved", "she starts testifying"). A place near a
 * risk area is found by the places themselves, never reported.
 */
export const REPORTABLE_CHANGES = REASSESSMENT_TRIGGERS.filter(
  (kind): kind is Exclude<(typeof REASSESSMENT_TRIGGERS)[number], 'risk_area_nearby'> =>
    kind !== 'risk_area_nearby',
);
export type ReportableChange = (typeof REPORTABLE_CHANGES)[number];

/** A change reported by hand: marks the assessment stale and makes a reassessment due. */
export const ZRiskEventRequest = z
  .strictObject({
    kind: z.enum(REPORTABLE_CHANGES as [ReportableChange, ...ReportableChange[]], {
      message: 'Choose what changed.',
    }),
  })
  .meta({ id: 'RiskEventRequest' });
export type TRiskEventRequest = z.infer<typeof ZRiskEventRequest>;

/** A change to a measure: only the fields sent change. */
export const ZMeasureUpdate = z.strictObject(measureFields).partial().meta({ id: 'MeasureUpdate' });
export type TMeasureUpdate = z.input<typeof ZMeasureUpdate>;

export const ZMeasure = z
  .object({
    id: z.string(),
    assessmentId: z.string().nullable(),
    description: z.string(),
    owner: ZPerson,
    dueOn: z.string(),
    status: z.enum(MEASURE_STATUSES),
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Measure' });
export type TMeasure = z.infer<typeof ZMeasure>;

export const ZMeasureList = z.object({ items: z.array(ZMeasure) }).meta({ id: 'MeasureList' });
export type TMeasureList = z.infer<typeof ZMeasureList>;
