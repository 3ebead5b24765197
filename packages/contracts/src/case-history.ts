/**
 * The case's history as two readings: the timeline (what happened in her case, item by item, as
 * far as the viewer may see) and the transparency log ("what happened with her information",
 * derived from the audit trail: who looked at or changed what, what was shared, and why).
 */
import { CONSENT_PURPOSES, SECTIONS, STAFF_ROLES } from '@cope/domain';
import { z } from 'zod';

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-04-01.' });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** IANA time zone of the reader, so that days are her days, not the server's. */
const ZTimeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'This is not a known time zone.' })
  .default('UTC');

const ZCursor = z.iso.datetime({ offset: true, message: 'Use the cursor the previous page returned.' });

export const ZStaffRef = z.object({
  id: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
});
export type TStaffRef = z.infer<typeof ZStaffRef>;

// --- Timeline -------------------------------------------------------------------------------

export const TIMELINE_KINDS = ['note', 'record', 'consent', 'share', 'team', 'intake'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const ZTimelineQuery = z.strictObject({
  kinds: z
    .string()
    .max(200)
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const kinds = [...new Set(value.split(',').map((k) => k.trim()))];
      const unknown = kinds.filter((k) => !(TIMELINE_KINDS as readonly string[]).includes(k));
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `Unknown kind of item: ${unknown.join(', ')}.` });
        return z.NEVER;
      }
      return kinds as TimelineKind[];
    })
    .meta({ description: `Comma-separated: ${TIMELINE_KINDS.join(', ')}. All kinds when absent.` }),
  before: ZCursor.optional().meta({ description: 'Items strictly older than this (from nextBefore).' }),
  limit: z.coerce.number().int().min(1).max(100, { message: 'At most 100 items per page.' }).default(50),
});
export type TTimelineQuery = z.infer<typeof ZTimelineQuery>;

export const ZTimelineItem = z
  .object({
    id: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    /** What happened, more precisely than the kind (one sentence each in the interface). */
    event: z.enum([
      'note_added',
      'record_changed',
      'consent_recorded',
      'consent_withdrawn',
      'section_shared',
      'share_ended',
      'member_added',
      'member_removed',
      'handover',
      'intake_saved',
      'intake_completed',
    ]),
    at: z.string(),
    actor: ZStaffRef.nullable(),
    section: z.enum(SECTIONS).nullable(),
    /** First line of a note; null for items without text. */
    excerpt: z.string().nullable(),
    /** A private note: visible to its author only. */
    privateNote: z.boolean(),
    /** The person added, removed, or handed the case to. */
    subject: ZStaffRef.nullable(),
    consent: z
      .object({
        purpose: z.enum(CONSENT_PURPOSES),
        recipient: z.string().nullable(),
        dataCategories: z.array(z.enum(SECTIONS)),
      })
      .nullable(),
    share: z.object({ audience: z.string(), emergency: z.boolean() }).nullable(),
  })
  .meta({ id: 'TimelineItem' });
export type TTimelineItem = z.infer<typeof ZTimelineItem>;

export const ZTimeline = z
  .object({
    items: z.array(ZTimelineItem),
    /** Pass as `before` to read older items; null at the beginning of her case. */
    nextBefore: z.string().nullable(),
    /**
     * Sections whose items are left out for this viewer (no full access to them). The timeline
     * names them instead of pretending nothing happened there.
     */
    hiddenSections: z.array(z.enum(SECTIONS)),
    /** Consents and shares are shown to her case team and coordinators only. */
    consentsHidden: z.boolean(),
  })
  .meta({ id: 'Timeline' });
export type TTimeline = z.infer<typeof ZTimeline>;

// --- Transparency ---------------------------------------------------------------------------

export const TRANSPARENCY_KINDS = [
  'viewed',
  'changed',
  'shared',
  'consent',
  'team',
  'emergency',
  'exported',
  'erased',
  'retention',
  'refused',
  'other',
] as const;
export type TransparencyKind = (typeof TRANSPARENCY_KINDS)[number];

export const ZTransparencyQuery = z.strictObject({
  timeZone: ZTimeZone,
  before: ZCursor.optional().meta({ description: 'Events strictly older than this (from nextBefore).' }),
});
export type TTransparencyQuery = z.infer<typeof ZTransparencyQuery>;

export const ZTransparencyPerson = z.object({
  name: z.string().nullable().meta({ description: 'Null for a staff account no longer known.' }),
  roles: z.array(z.enum(STAFF_ROLES)),
});

export const ZTransparencyEntry = z
  .object({
    id: z.string(),
    kind: z.enum(TRANSPARENCY_KINDS),
    /** The audit action (e.g. `section.read`); the interface writes one sentence per action. */
    action: z.string(),
    outcome: z.enum(['allowed', 'denied']),
    /** Latest occurrence (of a collapsed group of reads: the first one is `firstAt`). */
    at: z.string(),
    firstAt: z.string(),
    /** How many identical events this entry stands for (reads of one section by one person in a day). */
    count: z.number().int().min(1),
    /** Null when the system itself acted. */
    actor: ZTransparencyPerson.nullable(),
    section: z.enum(SECTIONS).nullable(),
    /** The written reason (break-glass, emergency sharing, erasure, retention). */
    reason: z.string().nullable(),
    flagged: z.boolean(),
    /** The colleague added to or removed from the team, or who took the case over. */
    subject: ZTransparencyPerson.nullable(),
    teamChange: z.enum(['added', 'removed', 'handover']).nullable(),
    share: z
      .object({
        audience: z.string(),
        emergency: z.boolean(),
        consent: z.object({ purpose: z.enum(CONSENT_PURPOSES), givenOn: z.string() }).nullable(),
      })
      .nullable(),
    consent: z
      .object({
        purpose: z.enum(CONSENT_PURPOSES),
        recipient: z.string().nullable(),
        dataCategories: z.array(z.enum(SECTIONS)),
      })
      .nullable(),
  })
  .meta({ id: 'TransparencyEntry' });
export type TTransparencyEntry = z.infer<typeof ZTransparencyEntry>;

export const ZTransparencyDay = z.object({ date: ZIsoDate, entries: z.array(ZTransparencyEntry) });
export type TTransparencyDay = z.infer<typeof ZTransparencyDay>;

export const ZTransparencyLog = z
  .object({
    days: z.array(ZTransparencyDay),
    /** Pass as `before` to read older days; null when everything has been read. */
    nextBefore: z.string().nullable(),
  })
  .meta({ id: 'TransparencyLog' });
export type TTransparencyLog = z.infer<typeof ZTransparencyLog>;
