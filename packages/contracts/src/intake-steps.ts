/**
 * The answers of each intake step, one schema per step, used by the server to validate and by
 * the web forms to check the same rules before sending. Every message names what is wrong in
 * plain words; dates and ages are checked by the domain rules.
 */
import {
  CONTACT_CHANNELS,
  CONTROL_METHODS,
  COUNTRY_CODES,
  checkApproximateAge,
  checkBirthDate,
  checkPastDate,
  type DateProblem,
  DEPENDANT_LOCATIONS,
  DEPENDANT_RELATIONS,
  DOCUMENT_KINDS,
  EXPLOITATION_FORMS,
  type IntakeStep,
  LANGUAGE_CODES,
  LEGAL_SITUATIONS,
  MAX_AGE,
  MIN_AGE,
  REFERRAL_SOURCES,
  type StaffRole,
  TRAFFICKING_STATUSES,
  TRI_STATE,
} from '@cope/domain';
import { z } from 'zod';

/** Today as an ISO date; the server and the browser each use their own clock. */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);

/** Roles that may open a case (the server's policy says the same; a test keeps them equal). */
export const INTAKE_ROLES: readonly StaffRole[] = [
  'social_worker',
  'social_educator',
  'psychologist',
  'lawyer',
  'coordinator',
];

const BIRTH_DATE_PROBLEMS: Record<DateProblem, string> = {
  invalid: 'Write the date of birth as a real date (year-month-day).',
  in_future: 'The date of birth cannot be in the future.',
  too_old: `The date of birth gives an age over ${MAX_AGE}; check the year.`,
  too_young: `The date of birth gives an age under ${MIN_AGE}; check the year.`,
  before_birth: 'The date of birth cannot be before itself.',
};

const ARRIVAL_DATE_PROBLEMS: Record<DateProblem, string> = {
  invalid: 'Write the arrival date as a real date (year-month-day).',
  in_future: 'The arrival date cannot be in the future.',
  too_old: 'The arrival date is too far in the past; check the year.',
  too_young: 'The arrival date is too far in the past; check the year.',
  before_birth: 'The arrival date is before her date of birth.',
};

/** What is wrong with an arrival date, in words; null when it is plausible (or not given). */
export function arrivalDateProblem(arrivalDate: string, birthDate: string | null, today: string) {
  if (arrivalDate === '') return null;
  const problem = checkPastDate(arrivalDate, today, birthDate);
  return problem ? ARRIVAL_DATE_PROBLEMS[problem] : null;
}

const text = (max: number, what: string) =>
  z
    .string({ message: `${what} must be text.` })
    .trim()
    .max(max, { message: `${what} is limited to ${max} characters.` });

const yesNo = (what: string) =>
  z.enum(['yes', 'no'], { message: `${what}: answer yes or no, or leave it empty.` }).nullable();

const triState = (what: string) => z.enum(TRI_STATE, { message: `${what}: answer yes, no or not known.` });

const country = z.enum(COUNTRY_CODES, { message: 'This is not a known country code (ISO 3166-1 alpha-2).' });
const language = z.enum(LANGUAGE_CODES, { message: 'This is not a known language code (ISO 639-1).' });

/** Digits, spaces, brackets, dots, dashes and a leading + (or 00); at least six digits. */
export const ZPhoneNumber = z
  .string({ message: 'The phone number must be text.' })
  .trim()
  .regex(/^\+?[0-9 ().-]+$/, { message: 'Write the phone number with digits only (a leading + is fine).' })
  .refine((value) => value.replace(/\D/g, '').length >= 6, {
    message: 'A phone number has at least six digits.',
  })
  .refine((value) => value.replace(/\D/g, '').length <= 15, {
    message: 'A phone number has at most fifteen digits.',
  });

export const ZIdentityDocument = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS, { message: 'Choose which kind of document this is.' }),
  number: z
    .string({ message: 'The document number must be text.' })
    .trim()
    .min(1, { message: 'Write the document number, or remove this document.' })
    .max(60, { message: 'A document number is at most 60 characters.' }),
});
export type TIdentityDocument = z.infer<typeof ZIdentityDocument>;

export const ZPersonStep = z
  .strictObject({
    preferredName: z
      .string({ message: 'Write the name or alias she wants to be called by.' })
      .trim()
      .min(1, { message: 'Write the name or alias she wants to be called by.' })
      .max(200, { message: 'The preferred name is limited to 200 characters.' }),
    legalName: text(200, 'The legal name').default(''),
    /** ISO date, or '' when she did not give it. */
    birthDate: z.string({ message: 'The date of birth must be text.' }).trim().default(''),
    approximateAge: z
      .number({ message: 'Her approximate age must be a number.' })
      .int({ message: 'Her approximate age must be a whole number of years.' })
      .nullable()
      .default(null),
    citizenship: country.nullable().default(null),
    documents: z.array(ZIdentityDocument).max(10, { message: 'At most 10 identity documents.' }).default([]),
  })
  .superRefine((step, ctx) => {
    if (step.birthDate !== '') {
      const problem = checkBirthDate(step.birthDate, todayIso());
      if (problem)
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: BIRTH_DATE_PROBLEMS[problem] });
    }
    if (step.approximateAge !== null && checkApproximateAge(step.approximateAge)) {
      ctx.addIssue({
        code: 'custom',
        path: ['approximateAge'],
        message: `Her approximate age must be between ${MIN_AGE} and ${MAX_AGE}.`,
      });
    }
    if (step.birthDate !== '' && step.approximateAge !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['approximateAge'],
        message: 'Give either a date of birth or an approximate age, not both.',
      });
    }
  });
export type TPersonStep = z.infer<typeof ZPersonStep>;

export const ZLanguagesStep = z
  .strictObject({
    languages: z.array(language).max(20, { message: 'At most 20 languages.' }).default([]),
    preferredLanguage: language.nullable().default(null),
    interpreterNeeded: z.boolean({ message: 'Say whether she needs an interpreter.' }).default(false),
  })
  .superRefine((step, ctx) => {
    if (step.preferredLanguage && !step.languages.includes(step.preferredLanguage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['preferredLanguage'],
        message: 'Add her preferred language to the languages she speaks.',
      });
    }
  });
export type TLanguagesStep = z.infer<typeof ZLanguagesStep>;

export const ZJourneyStep = z
  .strictObject({
    /** ISO date, or '' when not known. */
    arrivalDate: z.string({ message: 'The arrival date must be text.' }).trim().default(''),
    referralSource: z
      .enum(REFERRAL_SOURCES, { message: 'This is not a known referral source.' })
      .nullable()
      .default(null),
    traffickingStatus: z
      .enum(TRAFFICKING_STATUSES, { message: 'This is not a known trafficking status.' })
      .nullable()
      .default(null),
    exploitationForms: z
      .array(z.enum(EXPLOITATION_FORMS, { message: 'This is not a known form of exploitation.' }))
      .default([]),
    controlMethods: z
      .array(z.enum(CONTROL_METHODS, { message: 'This is not a known method of control.' }))
      .default([]),
  })
  .superRefine((step, ctx) => {
    const problem = arrivalDateProblem(step.arrivalDate, null, todayIso());
    if (problem) ctx.addIssue({ code: 'custom', path: ['arrivalDate'], message: problem });
  });
export type TJourneyStep = z.infer<typeof ZJourneyStep>;

export const ZLegalStep = z.strictObject({
  asylumSeeker: yesNo('Asylum seeker').default(null),
  legalSituations: z
    .array(z.enum(LEGAL_SITUATIONS, { message: 'This is not a known legal situation.' }))
    .default([]),
});
export type TLegalStep = z.infer<typeof ZLegalStep>;

export const ZDependant = z.strictObject({
  relation: z.enum(DEPENDANT_RELATIONS, { message: 'Choose who this person is to her.' }),
  age: z
    .number({ message: 'The age must be a number.' })
    .int({ message: 'The age must be a whole number of years.' })
    .min(0, { message: 'The age cannot be negative.' })
    .max(MAX_AGE, { message: `The age must be at most ${MAX_AGE}.` })
    .nullable()
    .default(null),
  where: z.enum(DEPENDANT_LOCATIONS, { message: 'Choose where this person lives.' }),
  needs: text(1000, 'The note on needs').default(''),
});
export type TDependant = z.infer<typeof ZDependant>;

export const ZFamilyStep = z.strictObject({
  dependants: z.array(ZDependant).max(20, { message: 'At most 20 dependants.' }).default([]),
});
export type TFamilyStep = z.infer<typeof ZFamilyStep>;

export const ZContactStep = z.strictObject({
  phones: z.array(ZPhoneNumber).max(5, { message: 'At most 5 phone numbers.' }).default([]),
  address: text(500, 'The address').default(''),
  safeChannels: z
    .array(z.enum(CONTACT_CHANNELS, { message: 'This is not a known contact channel.' }))
    .default([]),
  safeTimes: text(300, 'Safe times').default(''),
  mayLeaveMessage: yesNo('May a message be left').default(null),
  codeWord: text(100, 'The code word').default(''),
});
export type TContactStep = z.infer<typeof ZContactStep>;

export const ZScreeningStep = z.strictObject({
  immediateDanger: triState('Immediate danger'),
  exploitersKnowAddress: triState('Exploiters know where she lives'),
  ongoingContact: triState('Ongoing contact with the exploiters or phone control'),
  note: text(2000, 'The note').default(''),
});
export type TScreeningStep = z.infer<typeof ZScreeningStep>;

/** Each step's schema, for routes registered per step and for the web forms. */
export const STEP_SCHEMAS = {
  person: ZPersonStep,
  languages: ZLanguagesStep,
  journey: ZJourneyStep,
  legal: ZLegalStep,
  family: ZFamilyStep,
  contact: ZContactStep,
  screening: ZScreeningStep,
} as const satisfies Record<IntakeStep, z.ZodType>;

export interface StepValues {
  person: TPersonStep;
  languages: TLanguagesStep;
  journey: TJourneyStep;
  legal: TLegalStep;
  family: TFamilyStep;
  contact: TContactStep;
  screening: TScreeningStep;
}
