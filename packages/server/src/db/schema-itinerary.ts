/**
 * Integration itinerary tables (DOMAIN.md "The fourteen spheres"): her needs assessment per
 * sphere, the versions of her individual plan with her agreement, her milestones and fixed
 * commitments, and monitoring rounds with both ratings. Same rules as schema.ts:
 * `organization_id` everywhere, forced row-level security (migrations/0008_itinerary.sql),
 * everything about her sealed with her data key; only codes, dates and versions stay in clear.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, orgId, participantId, staffRef } from './columns.js';

/** Her situation and needs in one sphere; `version` counts saves (a stale save is refused). */
export const needsAssessment = pgTable(
  'needs_assessment',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    sphere: text('sphere').notNull(),
    version: integer('version').notNull(),
    /** Sealed JSON: { situation, situationNote, herWords, professionalNeeds }. */
    contentEnc: text('content_enc').notNull(),
    updatedByUserId: staffRef('updated_by_user_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('needs_assessment_sphere_key').on(t.organizationId, t.participantId, t.sphere)],
);

/**
 * One version of her plan. At most one draft at a time; agreeing makes it the plan in force and
 * the previous agreed version `superseded`. `revision` counts saves of a draft.
 */
export const planVersion = pgTable(
  'plan_version',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'agreed', 'superseded'] }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Sealed JSON: PlanContent (goals and steps). */
    contentEnc: text('content_enc').notNull(),
    revision: integer('revision').notNull().default(1),
    basedOnVersion: integer('based_on_version'),
    agreementMethod: text('agreement_method', { enum: ['signature', 'verbal_witnessed'] }),
    /** Sealed JSON: { signature (PNG data URL) | witnessName, note }. */
    agreementEnc: text('agreement_enc'),
    agreedOn: date('agreed_on', { mode: 'string' }),
    agreementRecordedByUserId: staffRef('agreement_recorded_by_user_id'),
    createdByUserId: staffRef('created_by_user_id').notNull(),
    updatedByUserId: staffRef('updated_by_user_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('plan_version_key').on(t.organizationId, t.participantId, t.version),
    // One draft and one plan in force per case, whatever a request's locking does.
    uniqueIndex('plan_version_one_draft_key')
      .on(t.organizationId, t.participantId)
      .where(sql`${t.status} = 'draft'`),
    uniqueIndex('plan_version_one_agreed_key')
      .on(t.organizationId, t.participantId)
      .where(sql`${t.status} = 'agreed'`),
  ],
);

/** A small victory: what she achieved, in which sphere, when. */
export const milestone = pgTable(
  'milestone',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    sphere: text('sphere').notNull(),
    achievedOn: date('achieved_on', { mode: 'string' }).notNull(),
    /** Sealed: what she achieved. */
    textEnc: text('text_enc').notNull(),
    recordedByUserId: staffRef('recorded_by_user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('milestone_participant_idx').on(t.organizationId, t.participantId, t.achievedOn)],
);

/** A fixed commitment of hers (court date, course, shift): all of it sealed, times too. */
export const commitment = pgTable(
  'commitment',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    /** Sealed JSON: { kind, title, date, startTime, endTime, repeatsWeeklyUntil }. */
    contentEnc: text('content_enc').notNull(),
    createdByUserId: staffRef('created_by_user_id').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('commitment_participant_idx').on(t.organizationId, t.participantId)],
);

/**
 * A monitoring round: the professional's ratings (a draft until completed) and her own, which
 * once given is never changed. Both sealed; the scale version in clear.
 */
export const monitoringRound = pgTable(
  'monitoring_round',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    scaleVersion: integer('scale_version').notNull(),
    status: text('status', { enum: ['draft', 'complete'] }).notNull(),
    revision: integer('revision').notNull().default(1),
    /** Sealed JSON: Ratings. */
    professionalEnc: text('professional_enc'),
    professionalByUserId: staffRef('professional_by_user_id'),
    /** Sealed JSON: Ratings, as she gave them. */
    selfEnc: text('self_enc'),
    selfLanguage: text('self_language'),
    selfRecordedAt: timestamp('self_recorded_at', { withTimezone: true }),
    /** Who handed her the screen. */
    selfRecordedByUserId: staffRef('self_recorded_by_user_id'),
    /** She chose not to rate herself this round. */
    selfDeclined: boolean('self_declined').notNull().default(false),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedByUserId: staffRef('completed_by_user_id'),
    createdByUserId: staffRef('created_by_user_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index('monitoring_round_participant_idx').on(t.organizationId, t.participantId, t.heldOn),
    // One review in progress per case.
    uniqueIndex('monitoring_round_one_draft_key')
      .on(t.organizationId, t.participantId)
      .where(sql`${t.status} = 'draft'`),
  ],
);
