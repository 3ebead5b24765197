/**
 * Her file as a whole: the export she is entitled to (right of access and portability) and the
 * retention holds that keep it from being erased while, for example, legal proceedings are open.
 */
import {
  CASE_STATUSES,
  CONSENT_FORM_LANGUAGES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  RETENTION_HOLD_REASONS,
  RISK_LEVELS,
  SECTIONS,
} from '@cope/domain';
import { z } from 'zod';
import { ZCaseFileItinerary } from './case-file-itinerary.js';

// ── Retention holds ──────────────────────────────────────────────────────────────────────────

export const ZRetentionHoldRequest = z
  .strictObject({
    reason: z.enum(RETENTION_HOLD_REASONS, { message: 'Choose why her file must be kept.' }),
    note: z
      .string()
      .trim()
      .max(1000, { message: 'Keep the note under 1,000 characters.' })
      .optional()
      .meta({
        description:
          'Stored in clear, like audit reasons: name the proceedings or the inquiry, never her name ' +
          'or details that identify her.',
      }),
  })
  .superRefine((value, ctx) => {
    if (value.reason === 'other' && !value.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say what the hold is for.' });
    }
  });
export type TRetentionHoldRequest = z.infer<typeof ZRetentionHoldRequest>;

export const ZClearRetentionHoldRequest = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, { message: 'Explain why in at least 10 characters.' })
    .max(2000, { message: 'Keep the reason under 2,000 characters.' })
    .meta({ description: 'Why the hold no longer applies. Kept in the audit trail: never her name.' }),
});
export type TClearRetentionHoldRequest = z.infer<typeof ZClearRetentionHoldRequest>;

export const ZRetentionHoldParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  holdId: z.uuid({ message: 'This is not a valid hold id.' }),
});

export const ZRetentionHold = z
  .object({
    id: z.string(),
    participantId: z.string(),
    caseCode: z.string(),
    reason: z.enum(RETENTION_HOLD_REASONS),
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().meta({ description: 'Name of the professional who placed the hold.' }),
    active: z.boolean(),
    clearedAt: z.string().nullable(),
    clearedBy: z.string().nullable(),
    clearedReason: z.string().nullable(),
  })
  .meta({ id: 'RetentionHold' });
export type TRetentionHold = z.infer<typeof ZRetentionHold>;

export const ZRetentionHoldList = z
  .object({ items: z.array(ZRetentionHold).meta({ description: 'Active holds first, newest first.' }) })
  .meta({ id: 'RetentionHoldList' });
export type TRetentionHoldList = z.infer<typeof ZRetentionHoldList>;

// ── Export of her file ───────────────────────────────────────────────────────────────────────

export const ZCaseFilePdfQuery = z.strictObject({
  language: z
    .enum(CONSENT_FORM_LANGUAGES, { message: 'Choose one of the languages the file can be printed in.' })
    .default('en'),
});
export type TCaseFilePdfQuery = z.infer<typeof ZCaseFilePdfQuery>;

const person = z.string().nullable().meta({ description: 'A professional’s name, as recorded.' });

export const ZCaseFileExport = z
  .object({
    format: z.literal('cope-hope.case-file'),
    formatVersion: z.literal(1),
    exportedAt: z.string(),
    exportedBy: z.string(),
    organization: z.string(),
    omittedSections: z.array(z.enum(SECTIONS)).meta({
      description:
        'Sections left out because the exporting professional may not open them (need-to-know): ' +
        'a professional who may, such as her psychologist for counselling notes, exports those.',
    }),
    case: z.object({
      id: z.string(),
      caseCode: z.string(),
      status: z.enum(CASE_STATUSES),
      riskLevel: z.enum(RISK_LEVELS).nullable(),
      openedAt: z.string(),
      updatedAt: z.string(),
      protectedWitness: z.boolean(),
      legalSituations: z.array(z.string()),
      referenceChanges: z.number().int(),
      erased: z.boolean().meta({ description: 'Her data key was destroyed: sealed values read as null.' }),
    }),
    identity: z.object({
      preferredName: z.string().nullable(),
      legalName: z.string().nullable(),
      birthDate: z.string().nullable(),
    }),
    records: z
      .array(
        z.object({
          section: z.enum(SECTIONS),
          version: z.number().int(),
          updatedAt: z.string(),
          updatedBy: person,
          data: z.unknown().meta({ description: 'The structured answers of the section, as recorded.' }),
        }),
      )
      .meta({ description: 'Structured answers per section (intake and later edits), every section.' }),
    notes: z
      .array(
        z.object({
          id: z.string(),
          section: z.enum(SECTIONS),
          author: person,
          createdAt: z.string(),
          visibility: z.enum(['section', 'author']),
          body: z.string().nullable(),
        }),
      )
      .meta({ description: 'Every case note of every section, oldest first.' }),
    consents: z.array(
      z.object({
        id: z.string(),
        purpose: z.enum(CONSENT_PURPOSES),
        recipient: z.string().nullable(),
        dataCategories: z.array(z.string()),
        method: z.enum(CONSENT_METHODS),
        language: z.string(),
        explainedBy: person,
        givenOn: z.string(),
        expiresOn: z.string().nullable(),
        recordedAt: z.string(),
        withdrawal: z
          .object({ at: z.string(), method: z.string().nullable(), note: z.string().nullable(), by: person })
          .nullable(),
        scans: z.array(
          z.object({
            id: z.string(),
            contentType: z.string(),
            byteSize: z.number().int(),
            uploadedAt: z.string(),
            uploadedBy: person,
            contentBase64: z.string().nullable().meta({ description: 'The signed document itself.' }),
          }),
        ),
      }),
    ),
    shares: z
      .array(
        z.object({
          section: z.enum(SECTIONS),
          audience: z.string(),
          consentId: z.string().nullable(),
          emergencyReason: z.string().nullable(),
          createdAt: z.string(),
          createdBy: person,
          endedAt: z.string().nullable(),
          endedReason: z.string().nullable(),
        }),
      )
      .meta({ description: 'Sections opened beyond her case team, and on which consent.' }),
    team: z.object({
      reference: person,
      members: z.array(z.object({ name: person, roles: z.array(z.string()), since: z.string() })),
      handovers: z.array(
        z.object({ at: z.string(), from: person, to: person, by: person, note: z.string().nullable() }),
      ),
    }),
    tasks: z.array(
      z.object({
        kind: z.string(),
        assignee: person,
        dueOn: z.string(),
        createdAt: z.string(),
        doneAt: z.string().nullable(),
      }),
    ),
    retentionHolds: z.array(
      z.object({
        reason: z.enum(RETENTION_HOLD_REASONS),
        note: z.string().nullable(),
        createdAt: z.string(),
        createdBy: person,
        clearedAt: z.string().nullable(),
        clearedBy: person,
        clearedReason: z.string().nullable(),
      }),
    ),
    safety: z
      .object({
        assessments: z.array(
          z.object({
            assessedOn: z.string(),
            assessedBy: person,
            ruleVersion: z.number().int(),
            computedLevel: z.enum(RISK_LEVELS),
            level: z.enum(RISK_LEVELS),
            override: z.string(),
            answers: z.unknown().meta({ description: 'Every factor: yes / no / unknown, with a note.' }),
            reasons: z.array(z.string()).nullable(),
            overrideReason: z.string().nullable(),
            summary: z.string().nullable(),
            decidedBy: person,
            decisionReason: z.string().nullable(),
          }),
        ),
        measures: z.array(
          z.object({
            description: z.string().nullable(),
            owner: person,
            dueOn: z.string(),
            status: z.string(),
            createdAt: z.string(),
          }),
        ),
        incidents: z.array(
          z.object({
            kind: z.string(),
            occurredOn: z.string(),
            description: z.string().nullable(),
            actionsTaken: z.string().nullable(),
            recordedBy: person,
            followedUpAt: z.string().nullable(),
          }),
        ),
        places: z.array(
          z.object({
            kind: z.string(),
            address: z
              .string()
              .nullable()
              .meta({ description: 'Null when the exporter may not see her identity.' }),
            point: z
              .tuple([z.number(), z.number()])
              .nullable()
              .meta({ description: '[longitude, latitude].' }),
            recordedAt: z.string(),
            endedAt: z.string().nullable(),
          }),
        ),
      })
      .nullable()
      .meta({
        description:
          'Her risk assessments, safety plan, incidents and places; null when the exporter may not open her safety section.',
      }),
    itinerary: ZCaseFileItinerary.nullable().meta({
      description:
        'Her integration itinerary; null when the exporter may open none of her needs, plan and ' +
        'monitoring sections. Sealed values read as null once she was erased.',
    }),
    accessLog: z
      .array(
        z.object({
          at: z.string(),
          kind: z.string().meta({
            description:
              'viewed, changed, shared, consent, team, emergency, exported, erased, retention, refused, other',
          }),
          who: person,
          roles: z.array(z.string()),
          action: z.string().meta({ description: 'Audit action, e.g. section.read, consent.recorded.' }),
          section: z.string().nullable(),
          outcome: z.enum(['allowed', 'denied']),
          emergency: z.boolean().meta({ description: 'Break-glass: opened in an emergency, with a reason.' }),
          reason: z.string().nullable(),
          sharedWith: z
            .string()
            .nullable()
            .meta({ description: 'The role group a section was shared with.' }),
          count: z.number().int().meta({ description: 'Identical events of the same day, collapsed.' }),
        }),
      )
      .meta({ description: 'Who viewed or changed her information, from the audit trail, oldest first.' }),
  })
  .meta({ id: 'CaseFileExport' });
export type TCaseFileExport = z.infer<typeof ZCaseFileExport>;
