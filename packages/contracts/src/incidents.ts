/**
 * Her incident log, the organization's risk management protocol (versioned) and its safety
 * settings (DOMAIN.md "Risk assessment").
 */
import { INCIDENT_KINDS, isIsoDate, RISK_LEVELS } from '@cope/domain';
import { z } from 'zod';

const ZPerson = z.object({ id: z.string(), displayName: z.string() });
const latestToday = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

export const ZIncidentParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  incidentId: z.uuid({ message: 'This is not a valid incident id.' }),
});

export const ZIncidentRequest = z
  .strictObject({
    kind: z.enum(INCIDENT_KINDS, { message: 'Choose what kind of incident this was.' }),
    occurredOn: z
      .string()
      .refine(isIsoDate, { message: 'The date of the incident is not a valid date.' })
      .refine((d) => d <= latestToday(), { message: 'The date of the incident cannot be in the future.' }),
    description: z
      .string()
      .trim()
      .min(5, { message: 'Say what happened.' })
      .max(5000, { message: 'Keep the description under 5,000 characters.' }),
    actionsTaken: z.string().trim().max(5000, { message: 'Keep this under 5,000 characters.' }).default(''),
  })
  .meta({ id: 'IncidentRequest' });
export type TIncidentRequest = z.input<typeof ZIncidentRequest>;

export const ZIncident = z
  .object({
    id: z.string(),
    kind: z.enum(INCIDENT_KINDS),
    occurredOn: z.string(),
    /** Null only when her data was erased: what was sealed with her key cannot be opened. */
    description: z.string().nullable(),
    actionsTaken: z.string().nullable(),
    recordedBy: ZPerson,
    createdAt: z.string(),
    followUpDoneAt: z.string().nullable(),
    followUpBy: ZPerson.nullable(),
  })
  .meta({ id: 'Incident' });
export type TIncident = z.infer<typeof ZIncident>;

export const ZIncidentList = z
  .object({
    items: z.array(ZIncident).meta({ description: 'Newest first (date of the incident, then recording).' }),
    /** Whether this viewer may record incidents and mark follow-ups (the server checks again). */
    canRecord: z.boolean(),
  })
  .meta({ id: 'IncidentList' });
export type TIncidentList = z.infer<typeof ZIncidentList>;

export const ZProtocolVersionParams = z.strictObject({
  version: z.coerce
    .number({ message: 'A protocol version is a whole number.' })
    .int({ message: 'A protocol version is a whole number.' })
    .min(1, { message: 'Protocol versions start at 1.' }),
});

export const ZProtocolRequest = z
  .strictObject({
    body: z
      .string()
      .trim()
      .min(20, { message: 'Write the procedures, in at least 20 characters.' })
      .max(50_000, { message: 'Keep the protocol under 50,000 characters.' }),
    /** The version the editor started from: a save over a newer version is refused. */
    baseVersion: z
      .number({ message: 'Say which version you started from (0 when there was none).' })
      .int({ message: 'Say which version you started from (0 when there was none).' })
      .min(0, { message: 'Say which version you started from (0 when there was none).' }),
  })
  .meta({ id: 'ProtocolRequest' });
export type TProtocolRequest = z.infer<typeof ZProtocolRequest>;

export const ZProtocolVersion = z
  .object({
    version: z.number().int(),
    body: z.string(),
    createdBy: ZPerson,
    createdAt: z.string(),
  })
  .meta({ id: 'ProtocolVersion' });
export type TProtocolVersion = z.infer<typeof ZProtocolVersion>;

export const ZProtocol = z
  .object({
    current: ZProtocolVersion.nullable(),
    versions: z.array(ZProtocolVersion.omit({ body: true })),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Protocol' });
export type TProtocol = z.infer<typeof ZProtocol>;

const days = (level: string) =>
  z
    .number({ message: `Days for ${level} must be a number.` })
    .int({ message: `Days for ${level} must be a whole number.` })
    .min(1, { message: `Days for ${level} must be at least 1.` })
    .max(730, { message: `Days for ${level} must be at most 730.` });

export const ZSafetySettings = z
  .strictObject({
    reassessmentDays: z.strictObject(
      Object.fromEntries(RISK_LEVELS.map((level) => [level, days(level)])) as Record<
        (typeof RISK_LEVELS)[number],
        ReturnType<typeof days>
      >,
    ),
    nearAreaMeters: z
      .number({ message: 'The distance must be a number of metres.' })
      .int({ message: 'The distance must be a whole number of metres.' })
      .min(0, { message: 'The distance cannot be negative.' })
      .max(5000, { message: 'The distance must be at most 5,000 metres.' }),
  })
  .superRefine((settings, ctx) => {
    // A higher level is reassessed at least as often as a lower one.
    const days = settings.reassessmentDays;
    for (const [higher, lower] of [
      ['critical', 'high'],
      ['high', 'medium'],
      ['medium', 'low'],
    ] as const) {
      if (days[lower] < days[higher]) {
        ctx.addIssue({
          code: 'custom',
          path: ['reassessmentDays', lower],
          message: `Days for ${lower} must be at least the days for ${higher} (${days[higher]}): a higher level is reassessed at least as often.`,
        });
      }
    }
  })
  .meta({ id: 'SafetySettings' });
export type TSafetySettings = z.infer<typeof ZSafetySettings>;

/** The settings as shown: the organization's values (defaults where unchanged) and who may edit. */
export const ZSafetySettingsView = z
  .object({
    reassessmentDays: z.object(
      Object.fromEntries(RISK_LEVELS.map((level) => [level, z.number().int()])) as Record<
        (typeof RISK_LEVELS)[number],
        z.ZodNumber
      >,
    ),
    nearAreaMeters: z.number().int(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'SafetySettingsView' });
export type TSafetySettingsView = z.infer<typeof ZSafetySettingsView>;
