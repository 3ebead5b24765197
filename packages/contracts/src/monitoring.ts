/**
 * Monitoring rounds (DOMAIN.md "Monitoring"): the professional's rating and her own self-rating of
 * every sphere on the anchored scale, both with optional reasons. One schema per payload.
 */
import { CONSENT_FORM_LANGUAGES, isIsoDate, REVIEW_MONTHS_MAX, REVIEW_MONTHS_MIN } from '@cope/domain';
import { z } from 'zod';
import { ZSphere } from './needs.js';

const isoDate = (message: string) => z.string().refine(isIsoDate, { message });
const ZPerson = z.object({ id: z.string(), displayName: z.string() });

export const ZRoundParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  roundId: z.uuid({ message: 'This is not a valid monitoring round id.' }),
});

export const ZSphereRating = z.strictObject({
  step: z
    .number({ message: 'Choose a step from 1 (crisis) to 5 (autonomous).' })
    .int({ message: 'Choose a step from 1 (crisis) to 5 (autonomous).' })
    .min(1, { message: 'Choose a step from 1 (crisis) to 5 (autonomous).' })
    .max(5, { message: 'Choose a step from 1 (crisis) to 5 (autonomous).' })
    .nullable(),
  reason: z
    .string()
    .trim()
    .max(1000, { message: 'Keep the reason under 1,000 characters.' })
    .nullable()
    .optional(),
});

/** Ratings by sphere; a sphere left out (or with step null) is not rated yet. */
export const ZRatings = z.partialRecord(ZSphere, ZSphereRating);
export type TRatings = z.infer<typeof ZRatings>;

export const ZRoundStart = z
  .strictObject({ heldOn: isoDate('The date of the round is not a valid date.') })
  .meta({ id: 'RoundStart' });

/** The professional's ratings, saved as a draft while she works (`revision`: the revision read). */
export const ZProfessionalRatingSave = z
  .strictObject({ revision: z.number().int().min(1), ratings: ZRatings })
  .meta({ id: 'ProfessionalRatingSave' });
export type TProfessionalRatingSave = z.input<typeof ZProfessionalRatingSave>;

/** Her own ratings, given once; or her choice not to rate herself this round. */
export const ZSelfRatingSave = z
  .strictObject({
    language: z.enum(CONSENT_FORM_LANGUAGES, { message: 'Choose the language she rated in.' }),
    declined: z.boolean().default(false),
    ratings: ZRatings.default({}),
  })
  .superRefine((value, ctx) => {
    const rated = Object.values(value.ratings).filter((rating) => rating?.step);
    if (!value.declined && rated.length === 0)
      ctx.addIssue({ code: 'custom', path: ['ratings'], message: 'She has not rated any sphere yet.' });
  })
  .meta({ id: 'SelfRatingSave' });
export type TSelfRatingSave = z.input<typeof ZSelfRatingSave>;

export const ZRound = z
  .object({
    id: z.string(),
    heldOn: z.string(),
    scaleVersion: z.number().int(),
    status: z.enum(['draft', 'complete']),
    revision: z.number().int(),
    professional: ZRatings.nullable(),
    professionalBy: ZPerson.nullable(),
    self: ZRatings.nullable(),
    selfLanguage: z.enum(CONSENT_FORM_LANGUAGES).nullable(),
    selfDeclined: z.boolean(),
    selfRecordedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    /** Spheres whose reasons are kept from this viewer (she does not see their section in full). */
    reasonsWithheld: z.array(ZSphere),
  })
  .meta({ id: 'MonitoringRound' });
export type TRound = z.infer<typeof ZRound>;

/**
 * Where her own rating of one round stands, and nothing else of the round: what the screen she
 * rates herself on needs (never the professional's ratings).
 */
export const ZSelfRatingStatus = z
  .object({
    roundId: z.string(),
    /** The round is still a draft: her rating can be added while she has not given it. */
    open: z.boolean(),
    given: z.boolean(),
    declined: z.boolean(),
    recordedAt: z.string().nullable(),
    language: z.enum(CONSENT_FORM_LANGUAGES).nullable(),
  })
  .meta({ id: 'SelfRatingStatus' });
export type TSelfRatingStatus = z.infer<typeof ZSelfRatingStatus>;

export const ZMonitoringOverview = z
  .object({
    scaleVersion: z.number().int(),
    /** Oldest first. */
    rounds: z.array(ZRound),
    /**
     * In her latest complete round: spheres where the two views are two or more steps apart (none
     * when she did not rate herself in it).
     */
    gaps: z.array(
      z.object({
        sphere: ZSphere,
        professional: z.number().int(),
        self: z.number().int(),
        gap: z.number().int(),
      }),
    ),
    /** The day her latest complete round was held (the round the gaps come from). */
    gapsHeldOn: z.string().nullable(),
    nextReviewOn: z.string().nullable(),
    reviewMonths: z.number().int(),
    abilities: z.object({ rate: z.boolean(), configure: z.boolean() }),
  })
  .meta({ id: 'MonitoringOverview' });
export type TMonitoringOverview = z.infer<typeof ZMonitoringOverview>;

export const ZItinerarySettings = z
  .strictObject({
    reviewMonths: z
      .number({ message: 'Write the months between reviews as a number.' })
      .int({ message: 'Write whole months.' })
      .min(REVIEW_MONTHS_MIN, { message: `Reviews are at least ${REVIEW_MONTHS_MIN} month apart.` })
      .max(REVIEW_MONTHS_MAX, { message: `Reviews are at most ${REVIEW_MONTHS_MAX} months apart.` }),
  })
  .meta({ id: 'ItinerarySettings' });
export type TItinerarySettings = z.infer<typeof ZItinerarySettings>;
