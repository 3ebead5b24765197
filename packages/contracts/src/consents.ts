/**
 * The consent register (DOMAIN.md "Consent") and the section shares that rely on it. The same
 * schemas validate the staff app's forms and the server's requests.
 */
import {
  CONSENT_FORM_LANGUAGES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  isIsoDate,
  isShareAudience,
  LANGUAGE_CODES,
  latestCalendarDate,
  PURPOSES_WITH_RECIPIENT,
  SECTIONS,
  WITHDRAWAL_METHODS,
} from '@cope/domain';
import { z } from 'zod';

/** "Not in the future" for every user: the latest calendar date anywhere on Earth. */
const latestToday = () => latestCalendarDate(new Date());

const isoDate = (message: string) => z.string().refine(isIsoDate, { message });

export const ZConsentParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  consentId: z.uuid({ message: 'This is not a valid consent id.' }),
});

export const ZShareParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  shareId: z.uuid({ message: 'This is not a valid share id.' }),
});

export const ZConsentState = z.enum(['active', 'withdrawn', 'expired', 'not_yet_valid']);

const ZPerson = z.object({ id: z.string(), displayName: z.string() });

export const ZConsent = z
  .object({
    id: z.string(),
    purpose: z.enum(CONSENT_PURPOSES),
    recipient: z.string().nullable(),
    dataCategories: z.array(z.enum(SECTIONS)),
    method: z.enum(CONSENT_METHODS),
    language: z.string(),
    explainedBy: ZPerson,
    givenOn: z.string(),
    expiresOn: z.string().nullable(),
    state: ZConsentState,
    reviewDue: z.boolean().meta({ description: 'Active, and its review or expiry date is near.' }),
    withdrawal: z
      .object({
        at: z.string(),
        method: z.enum(WITHDRAWAL_METHODS),
        note: z.string().nullable(),
        by: ZPerson.nullable(),
      })
      .nullable(),
    scan: z
      .object({ contentType: z.string(), byteSize: z.number().int(), uploadedAt: z.string() })
      .nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'Consent' });
export type TConsent = z.infer<typeof ZConsent>;

export const ZConsentList = z.object({ items: z.array(ZConsent) }).meta({ id: 'ConsentList' });
export type TConsentList = z.infer<typeof ZConsentList>;

/** Staff of her organization who may be named as having explained a consent. */
export const ZExplainerList = z.object({ items: z.array(ZPerson) });
export type TExplainerList = z.infer<typeof ZExplainerList>;

export const ZRecordConsentRequest = z
  .strictObject({
    purpose: z.enum(CONSENT_PURPOSES, { message: 'Choose what she consents to.' }),
    recipient: z
      .string()
      .trim()
      .max(200, { message: 'Keep the recipient under 200 characters.' })
      .nullable()
      .optional(),
    dataCategories: z
      .array(z.enum(SECTIONS, { message: 'This is not a known case section.' }))
      .min(1, { message: 'Choose at least one kind of information the consent covers.' })
      .refine((list) => new Set(list).size === list.length, { message: 'Each section only once.' }),
    method: z.enum(CONSENT_METHODS, { message: 'Choose how she gave her consent.' }),
    language: z.enum(LANGUAGE_CODES, { message: 'Choose the language it was explained in.' }),
    explainedByUserId: z.uuid({ message: 'Choose who explained it to her.' }).optional(),
    givenOn: isoDate('Give the date as yyyy-mm-dd.').refine((value) => value <= latestToday(), {
      message: 'The date she gave consent cannot be in the future.',
    }),
    expiresOn: isoDate('Give the date as yyyy-mm-dd.').nullable().optional(),
  })
  .superRefine((value, ctx) => {
    const recipient = value.recipient ?? '';
    if (value.purpose === 'share_section' && !isShareAudience(recipient)) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipient'],
        message: 'Choose the role group the section is shared with.',
      });
    }
    if (value.purpose === 'referral' && recipient.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipient'],
        message: 'Name the organization she is referred to.',
      });
    }
    if (!PURPOSES_WITH_RECIPIENT.includes(value.purpose) && recipient !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['recipient'],
        message: 'This kind of consent has no recipient.',
      });
    }
    if (value.expiresOn && isIsoDate(value.givenOn) && value.expiresOn <= value.givenOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: 'The review date must come after the date she gave consent.',
      });
    }
  });
export type TRecordConsentRequest = z.infer<typeof ZRecordConsentRequest>;

export const ZWithdrawConsentRequest = z.strictObject({
  method: z.enum(WITHDRAWAL_METHODS, { message: 'Say whether she withdrew in words or in writing.' }),
  note: z
    .string()
    .trim()
    .max(2000, { message: 'Keep the note under 2,000 characters.' })
    .optional()
    .meta({ description: 'What she said; never another person’s name.' }),
});
export type TWithdrawConsentRequest = z.infer<typeof ZWithdrawConsentRequest>;

export const ZSectionShare = z
  .object({
    id: z.string(),
    section: z.enum(SECTIONS),
    audience: z.string(),
    consentId: z.string().nullable(),
    emergencyReason: z.string().nullable(),
    createdBy: ZPerson,
    createdAt: z.string(),
    endedAt: z.string().nullable(),
    endedReason: z.string().nullable(),
    /** Opens the section now: not ended, and its consent active (or an emergency share). */
    effective: z.boolean(),
  })
  .meta({ id: 'SectionShare' });
export type TSectionShare = z.infer<typeof ZSectionShare>;

export const ZShareList = z.object({ items: z.array(ZSectionShare) });
export type TShareList = z.infer<typeof ZShareList>;

export const ZWithdrawConsentResponse = z.object({
  consent: ZConsent,
  /** Shares that relied on this consent and were ended by the withdrawal. */
  endedShares: z.array(ZSectionShare),
});
export type TWithdrawConsentResponse = z.infer<typeof ZWithdrawConsentResponse>;

export const ZShareSectionRequest = z.strictObject({
  section: z.enum(SECTIONS, { message: 'Choose the section to share.' }),
  audience: z.string().refine(isShareAudience, { message: 'Choose the role group to share it with.' }),
  emergencyReason: z
    .string()
    .trim()
    .min(20, { message: 'Explain the threat to her life in at least 20 characters.' })
    .max(2000, { message: 'Keep the reason under 2,000 characters.' })
    .optional()
    .meta({ description: 'Only for an imminent threat to life, by a coordinator. Never her name.' }),
});
export type TShareSectionRequest = z.infer<typeof ZShareSectionRequest>;

/** `details` of a CONSENT_REQUIRED error: the consent that would allow the action. */
export const ZConsentRequiredDetails = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  recipient: z.string().nullable(),
  dataCategories: z.array(z.enum(SECTIONS)),
});
export type TConsentRequiredDetails = z.infer<typeof ZConsentRequiredDetails>;

export const ZConsentFormQuery = z.strictObject({
  language: z.enum(CONSENT_FORM_LANGUAGES, {
    message: 'Choose one of the languages the form is written in.',
  }),
  purpose: z.enum(CONSENT_PURPOSES, { message: 'This is not a known consent purpose.' }).optional(),
  recipient: z.string().trim().max(200, { message: 'Keep the recipient under 200 characters.' }).optional(),
  /** Comma-separated sections, e.g. `legal,safety`. */
  categories: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',').map((part) => part.trim()) : []))
    .pipe(z.array(z.enum(SECTIONS, { message: 'This is not a known case section.' }))),
});
export type TConsentFormQuery = z.input<typeof ZConsentFormQuery>;

export const ZScanUploaded = z.object({ contentType: z.string(), byteSize: z.number().int() });

/** Largest signed scan accepted, in bytes. */
export const CONSENT_SCAN_MAX_BYTES = 10 * 1024 * 1024;
