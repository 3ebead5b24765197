import { CASE_STATUSES, RISK_LEVELS } from '@cope/domain';
import { z } from 'zod';
import { ZSectionAccess } from './sections.js';

export const PARTICIPANT_SORTS = ['case_code', 'opened_at', 'risk_level'] as const;

export const ZParticipantListQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
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
  })
  .meta({ id: 'ParticipantSummary' });
export type TParticipantSummary = z.infer<typeof ZParticipantSummary>;

export const ZParticipantDetail = ZParticipantSummary.extend({
  sections: z.array(ZSectionAccess),
  /** How many times her reference professional changed (continuity matters to her). */
  referenceChanges: z.number().int(),
  /** Intake steps saved so far; complete once the case leaves `intake`. */
  intakeSteps: z.array(z.string()),
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
});
export type TParticipantList = z.infer<typeof ZParticipantList>;

export const ZParticipantParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
});
