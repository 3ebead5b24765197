import { BASIC_NEEDS, CASE_STATUSES, isIsoDate, LEGAL_SITUATIONS, RISK_LEVELS, SPHERES } from '@cope/domain';
import { z } from 'zod';
import { ZRiskStatus } from './risk.js';
import { ZSectionAccess } from './sections.js';

export const PARTICIPANT_SORTS = ['case_code', 'opened_at', 'risk_level', 'next_due'] as const;

/**
 * Which cases the list holds: `mine` (she is the reference professional), `team` (reference or
 * team member), `all` (every case of the organization, names shown only where she may see them).
 */
export const CASE_SCOPES = ['mine', 'team', 'all'] as const;
export type CaseScope = (typeof CASE_SCOPES)[number];

export const ZParticipantListQuery = z.strictObject({
  scope: z
    .enum(CASE_SCOPES, { message: 'Choose my cases, team cases or all cases.' })
    .optional()
    .meta({ description: 'Default: `mine` for those who hold cases as reference, `all` for the others.' }),
  caseCode: z
    .string()
    .trim()
    .min(3, { message: 'Type the whole case code, such as HWN-2026-0042.' })
    .max(40, { message: 'A case code is at most 40 characters.' })
    .transform((value) => value.toUpperCase())
    .optional()
    .meta({ description: 'Exactly this case code (capitals do not matter).' }),
  status: z.enum(CASE_STATUSES).optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  referenceUserId: z.uuid({ message: 'Choose a reference professional from the list.' }).optional(),
  legalSituation: z
    .enum(LEGAL_SITUATIONS, { message: 'This is not a known legal situation.' })
    .optional()
    .meta({ description: "Only for roles with access to legal status by the organization's matrix." }),
  dueBy: z
    .string()
    .refine(isIsoDate, { message: 'Use a date like 2026-04-01.' })
    .optional()
    .meta({ description: 'Cases with an open task due on or before this date.' }),
  attention: z
    .enum([...SPHERES, 'any'], { message: 'Choose one of the fourteen spheres, or any sphere.' })
    .optional()
    .meta({
      description:
        'Cases whose latest monitoring rated this sphere (or any sphere) crisis or vulnerable. Only for ' +
        "spheres the organization's matrix opens to the viewer with the monitoring section; across the " +
        'organization only for roles named organization-wide, else over her own cases.',
    }),
  sort: z.enum(PARTICIPANT_SORTS).default('opened_at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  // Deep OFFSET paging is slow on large caseloads; past page 400, filters and search find cases.
  page: z.coerce
    .number()
    .int()
    .min(1, { message: 'Pages start at 1.' })
    .max(400, { message: 'Narrow the list with filters or search to reach older cases.' })
    .default(1),
  pageSize: z.coerce.number().int().min(1).max(100, { message: 'At most 100 rows per page.' }).default(25),
});
export type TParticipantListQuery = z.infer<typeof ZParticipantListQuery>;

export const ZParticipantSummary = z
  .object({
    id: z.string(),
    caseCode: z.string(),
    preferredName: z.string().nullable().meta({ description: 'Null when the viewer may not see it.' }),
    status: z.enum(CASE_STATUSES),
    riskLevel: z.enum(RISK_LEVELS).nullable(),
    openedAt: z.string(),
    referenceProfessional: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    /** Earliest due date of her open tasks (list only). */
    nextDueOn: z.string().nullable().optional(),
  })
  .meta({ id: 'ParticipantSummary' });
export type TParticipantSummary = z.infer<typeof ZParticipantSummary>;

export const ZParticipantDetail = ZParticipantSummary.extend({
  sections: z.array(ZSectionAccess),
  /** How many times her reference professional changed (continuity matters to her). */
  referenceChanges: z.number().int(),
  /** Intake steps saved so far; complete once the case leaves `intake`. */
  intakeSteps: z.array(z.string()),
  /** Her identifying data was erased at her request (crypto-shredding); the case code stays. */
  erased: z.boolean(),
  /** The case header's safety line: level in force, its age, stale or overdue (clear columns only). */
  risk: ZRiskStatus,
  /**
   * Her integration itinerary at a glance (codes only): unmet basic needs come first. Only the
   * needs coming from a sphere whose section this viewer sees in full.
   */
  itinerary: z.object({
    unmetBasicNeeds: z.array(z.enum(BASIC_NEEDS)),
  }),
  /** What this viewer may do on this case: the UI offers only these, the server checks again. */
  abilities: z.object({
    breakGlass: z.boolean(),
    erase: z.boolean(),
    manageTeam: z.boolean(),
    recordConsent: z.boolean(),
    shareSection: z.boolean(),
    emergencyOverride: z.boolean(),
    export: z.boolean(),
    retentionHold: z.boolean(),
    retentionClear: z.boolean(),
    readTransparency: z.boolean(),
    editRecords: z.boolean(),
  }),
}).meta({ id: 'ParticipantDetail' });
export type TParticipantDetail = z.infer<typeof ZParticipantDetail>;

export const ZParticipantList = z.object({
  items: z.array(ZParticipantSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** The scope applied (the viewer's default when the query named none). */
  scope: z.enum(CASE_SCOPES),
  /** What the list page may offer this viewer; the server checks again. */
  abilities: z.object({
    openCase: z.boolean(),
    filterByLegalSituation: z.boolean(),
    /** The organization's matrix lets her filter by at least one sphere needing attention. */
    filterByAttention: z.boolean(),
    /** The spheres she may filter on (others are refused); `any` covers these only. */
    attentionFilterSpheres: z.array(z.enum(SPHERES)),
  }),
});
export type TParticipantList = z.infer<typeof ZParticipantList>;

export const ZParticipantParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
});
