/**
 * Safety tables (DOMAIN.md "Risk assessment", "Risk areas"): assessments with the rule version
 * they were scored with, the risk management plan's measures, places recorded for her, the
 * incident log, the events that made an assessment stale, the organization's risk areas and its
 * versioned protocol. Same rules as schema.ts: `organization_id` everywhere, forced row-level
 * security (migrations/0006_safety.sql), anything about her sealed with her data key.
 */
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, orgId, participantId, staffRef } from './columns.js';

const LEVELS = ['low', 'medium', 'high', 'critical'] as const;

/**
 * One assessment. Answers, notes, reasons and the override's reason are sealed; the levels stay
 * in clear (the case list filters by level). A lowering asked by anyone but a coordinator waits
 * for a coordinator's decision and leaves the level where the rules put it.
 */
export const riskAssessment = pgTable(
  'risk_assessment',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessedByUserId: staffRef('assessed_by_user_id').notNull(),
    /** Sealed JSON: { answers, notes, points, reasons, overrideReason }. */
    contentEnc: text('content_enc').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    computedLevel: text('computed_level', { enum: LEVELS }).notNull(),
    /** The level in force: computed, raised, or lowered once a coordinator confirmed. */
    level: text('level', { enum: LEVELS }).notNull(),
    /** What the professional asked for when it differs from the computed level. */
    requestedLevel: text('requested_level', { enum: LEVELS }),
    override: text('override', {
      enum: ['none', 'raised', 'lowering_pending', 'lowered', 'lowering_declined', 'lowering_superseded'],
    })
      .notNull()
      .default('none'),
    decidedByUserId: staffRef('decided_by_user_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Sealed: the coordinator's reason for confirming or declining a lowering. */
    decisionReasonEnc: text('decision_reason_enc'),
    createdAt: createdAt(),
  },
  (t) => [index('risk_assessment_participant_idx').on(t.organizationId, t.participantId, t.assessedOn)],
);

/** A measure of her risk management plan: what, who, by when, where it stands. */
export const riskMeasure = pgTable(
  'risk_measure',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    assessmentId: uuid('assessment_id').references(() => riskAssessment.id),
    descriptionEnc: text('description_enc').notNull(),
    ownerUserId: staffRef('owner_user_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['planned', 'in_progress', 'done', 'dropped'] }).notNull(),
    createdByUserId: staffRef('created_by_user_id').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('risk_measure_participant_idx').on(t.organizationId, t.participantId)],
);

/**
 * A place recorded for her (home, training venue, workplace). The address and its coordinates
 * are sealed; only which risk areas it falls in or near is kept in clear, to flag the case.
 */
export const casePlace = pgTable(
  'case_place',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    kind: text('kind', { enum: ['home', 'training_venue', 'workplace', 'other'] }).notNull(),
    /** Sealed JSON: { label, lng, lat }. */
    placeEnc: text('place_enc').notNull(),
    /** Risk areas it is inside or near: [{ areaId, inside, distanceMeters }]. */
    areaHits: jsonb('area_hits').notNull().default([]),
    recordedByUserId: staffRef('recorded_by_user_id').notNull(),
    createdAt: createdAt(),
    /** When she left it (a new home ends the previous one). */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('case_place_participant_idx').on(t.organizationId, t.participantId)],
);

/** Her incident log: kind and date in clear, what happened and what was done sealed. */
export const incident = pgTable(
  'incident',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    descriptionEnc: text('description_enc').notNull(),
    actionsEnc: text('actions_enc'),
    recordedByUserId: staffRef('recorded_by_user_id').notNull(),
    createdAt: createdAt(),
    followUpDoneAt: timestamp('follow_up_done_at', { withTimezone: true }),
    followUpByUserId: staffRef('follow_up_by_user_id'),
  },
  (t) => [index('incident_participant_idx').on(t.organizationId, t.participantId, t.occurredOn)],
);

/**
 * Events that invalidated her last assessment (the domain events' trace): codes only. Cleared
 * (`resolved_by`) by the next assessment; the open ones are why the case shows "stale".
 */
export const riskTrigger = pgTable(
  'risk_trigger',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    kind: text('kind').notNull(),
    detail: jsonb('detail').notNull().default({}),
    actorUserId: staffRef('actor_user_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedByAssessmentId: uuid('resolved_by_assessment_id').references(() => riskAssessment.id),
  },
  (t) => [index('risk_trigger_participant_idx').on(t.organizationId, t.participantId, t.occurredAt)],
);

/** An area of the city coordinators marked; a ring of [longitude, latitude] points. */
export const riskArea = pgTable(
  'risk_area',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    label: text('label').notNull(),
    category: text('category').notNull(),
    polygon: jsonb('polygon').notNull(),
    /** Bounding box, so a place is compared only with areas around it. */
    minLng: doublePrecision('min_lng').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    createdByUserId: staffRef('created_by_user_id').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('risk_area_org_idx').on(t.organizationId)],
);

/** The organization's risk management protocol; every save is a new version, none is lost. */
export const riskProtocol = pgTable(
  'risk_protocol',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    createdByUserId: staffRef('created_by_user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('risk_protocol_version_key').on(t.organizationId, t.version)],
);
