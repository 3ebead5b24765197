/**
 * Intake and section records: opening a case step by step, possible duplicates, reading and
 * saving a section's structured record with its version, and exact search by phone or document.
 * The schemas of the steps themselves are in intake-steps.ts.
 */
import {
  CASE_STATUSES,
  INTAKE_STEP_SECTION,
  INTAKE_STEPS,
  type IntakeStep,
  type Section,
} from '@cope/domain';
import { z } from 'zod';
import {
  ZContactStep,
  ZFamilyStep,
  ZJourneyStep,
  ZLanguagesStep,
  ZLegalStep,
  ZPersonStep,
  ZPhoneNumber,
  ZScreeningStep,
} from './intake-steps.js';

export * from './intake-steps.js';

/** Sections that hold a structured record, and the steps each one holds (in intake order). */
export const RECORD_SECTIONS = ['identity', 'trafficking_network', 'legal', 'family', 'safety'] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

export function stepsOfSection(section: Section): IntakeStep[] {
  return INTAKE_STEPS.filter((step) => INTAKE_STEP_SECTION[step] === section);
}

export const isRecordSection = (section: Section): section is RecordSection =>
  (RECORD_SECTIONS as readonly string[]).includes(section);

/** The answers of one section, by step; a step not yet answered is absent. */
export const ZSectionRecordData = z.strictObject({
  person: ZPersonStep.optional(),
  languages: ZLanguagesStep.optional(),
  journey: ZJourneyStep.optional(),
  legal: ZLegalStep.optional(),
  family: ZFamilyStep.optional(),
  contact: ZContactStep.optional(),
  screening: ZScreeningStep.optional(),
});
export type TSectionRecordData = z.infer<typeof ZSectionRecordData>;

// ---- Duplicates ------------------------------------------------------------------------------

export const DUPLICATE_MATCHES = ['name_birth', 'phone', 'document'] as const;

export const ZPossibleDuplicates = z
  .object({
    visible: z
      .array(
        z.object({
          id: z.string(),
          caseCode: z.string(),
          matchedOn: z.array(z.enum(DUPLICATE_MATCHES)),
        }),
      )
      .meta({ description: 'Cases whose identity the viewer may see in full.' }),
    restricted: z.boolean().meta({
      description:
        'A possible duplicate the viewer may not see exists: ask a coordinator. No detail is given.',
    }),
  })
  .meta({ id: 'PossibleDuplicates' });
export type TPossibleDuplicates = z.infer<typeof ZPossibleDuplicates>;

// ---- Intake routes ---------------------------------------------------------------------------

export const ZIntakeCreated = z
  .object({ id: z.string(), caseCode: z.string(), duplicates: ZPossibleDuplicates })
  .meta({ id: 'IntakeCreated' });
export type TIntakeCreated = z.infer<typeof ZIntakeCreated>;

export const ZIntakeStepSaved = z
  .object({
    savedSteps: z.array(z.enum(INTAKE_STEPS)),
    duplicates: ZPossibleDuplicates.nullable().meta({
      description: 'Checked after the person and contact steps; null after the others.',
    }),
  })
  .meta({ id: 'IntakeStepSaved' });
export type TIntakeStepSaved = z.infer<typeof ZIntakeStepSaved>;

export const ZIntakeDraft = z
  .object({
    id: z.string(),
    caseCode: z.string(),
    status: z.enum(CASE_STATUSES),
    savedSteps: z.array(z.enum(INTAKE_STEPS)),
    steps: ZSectionRecordData.meta({ description: 'Saved answers of the steps the viewer may see.' }),
    restrictedSteps: z.array(z.enum(INTAKE_STEPS)),
    recordKeepingConsent: z.boolean().meta({ description: 'She has an active record-keeping consent.' }),
  })
  .meta({ id: 'IntakeDraft' });
export type TIntakeDraft = z.infer<typeof ZIntakeDraft>;

export const ZIntakeCompleted = z
  .object({
    id: z.string(),
    caseCode: z.string(),
    riskAssessmentDueOn: z.string().meta({ description: 'When the full risk assessment is due.' }),
    urgent: z.boolean(),
  })
  .meta({ id: 'IntakeCompleted' });
export type TIntakeCompleted = z.infer<typeof ZIntakeCompleted>;

// ---- Section records ------------------------------------------------------------------------

export const ZRecordParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  section: z.enum(RECORD_SECTIONS, { message: 'This section has no structured record.' }),
});

export const ZRecordQuery = z.strictObject({
  reveal: z
    .enum(['true', 'false'], {
      message: 'Write reveal=true to show her legal name, date of birth and address.',
    })
    .default('false')
    .meta({
      description: 'Show the concealed answers (audited; a protected witness needs a recent second factor).',
    }),
});

export const ZSectionRecord = z
  .object({
    section: z.enum(RECORD_SECTIONS),
    version: z.number().int().meta({ description: '0 when nothing has been saved yet.' }),
    data: ZSectionRecordData,
    updatedAt: z.string().nullable(),
    updatedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    erased: z
      .boolean()
      .meta({ description: 'Her data key was destroyed: the answers can never be read again.' }),
    concealed: z.array(z.string()).meta({
      description:
        'Answers withheld until asked for with ?reveal=true (legal name, date of birth, address): sent empty.',
    }),
  })
  .meta({ id: 'SectionRecord' });
export type TSectionRecord = z.infer<typeof ZSectionRecord>;

export const ZSaveSectionRecordRequest = z.strictObject({
  version: z
    .number({ message: 'Send the version of the record you started from.' })
    .int({ message: 'The version is a whole number.' })
    .min(0, { message: 'The version cannot be negative.' }),
  data: ZSectionRecordData,
});
export type TSaveSectionRecordRequest = z.infer<typeof ZSaveSectionRecordRequest>;

/** `details` of the 409 answer when someone else saved the section first. */
export const ZRecordConflict = z
  .object({
    version: z.number().int(),
    savedBy: z.string().nullable(),
    savedAt: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), theirs: z.unknown() })),
  })
  .meta({ id: 'RecordConflict' });
export type TRecordConflict = z.infer<typeof ZRecordConflict>;

// ---- Exact search by phone or document number -------------------------------------------------

export const ZParticipantLookupQuery = z
  .strictObject({
    phone: ZPhoneNumber.optional(),
    document: z
      .string()
      .trim()
      .min(3, { message: 'Type the whole document number.' })
      .max(60, { message: 'A document number is at most 60 characters.' })
      .optional(),
  })
  .superRefine((query, ctx) => {
    if ((query.phone === undefined) === (query.document === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [query.phone === undefined ? 'phone' : 'document'],
        message: 'Search by one phone number or one document number.',
      });
    }
  });
export type TParticipantLookupQuery = z.infer<typeof ZParticipantLookupQuery>;
