/**
 * Database schema. Every table that holds an organization's data carries `organization_id`
 * and is protected by forced row-level security (see migrations/0001_tenant_isolation.sql).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One row describing the deployment itself: whether it holds demo data. */
export const instance = pgTable(
  'instance',
  {
    id: integer('id').primaryKey().default(1),
    mode: text('mode', { enum: ['production', 'demo'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('instance_singleton', sql`${t.id} = 1`)],
);

export const organization = pgTable('organization', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  caseCodePrefix: text('case_code_prefix').notNull(),
  caseCodeFormat: text('case_code_format').notNull().default('{PREFIX}-{YYYY}-{SEQ4}'),
  idleTimeoutMinutes: integer('idle_timeout_minutes').notNull().default(15),
  /** Per-organization changes to the default section access matrix (null: defaults). */
  sectionMatrix: jsonb('section_matrix'),
  absoluteTimeoutMinutes: integer('absolute_timeout_minutes').notNull().default(480),
  /** Reassessment days by level and the near-an-area distance (null: defaults). */
  safetySettings: jsonb('safety_settings'),
  /** Months between monitoring reviews (null: defaults). */
  itinerarySettings: jsonb('itinerary_settings'),
  createdAt: createdAt(),
});

export const staffUser = pgTable(
  'staff_user',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull(),
    locale: text('locale').notNull().default('en'),
    /** Null until an invited person sets her password through her invitation link. */
    passwordHash: text('password_hash'),
    /** TOTP secret, encrypted with the organization key. */
    totpSecretEnc: text('totp_secret_enc'),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    mfaEnrolledAt: timestamp('mfa_enrolled_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Last time an administrator reset her second factors; she is told at her next sign-in. */
    mfaResetAt: timestamp('mfa_reset_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_user_email_key').on(t.email), index('staff_user_org_idx').on(t.organizationId)],
);

export const authSession = pgTable(
  'auth_session',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUser.id),
    tokenHash: text('token_hash').notNull(),
    mfaVerifiedAt: timestamp('mfa_verified_at', { withTimezone: true }),
    /** Last time a second factor was presented in this session (step-up for sensitive actions). */
    stepUpAt: timestamp('step_up_at', { withTimezone: true }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('auth_session_token_key').on(t.tokenHash),
    index('auth_session_user_idx').on(t.organizationId, t.userId),
  ],
);

export const caseCodeCounter = pgTable(
  'case_code_counter',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.year] })],
);

export const participant = pgTable(
  'participant',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    caseCode: text('case_code').notNull(),
    /** Encrypted with her data key (security/field-crypto.ts); never stored in clear. */
    preferredNameEnc: text('preferred_name_enc'),
    legalNameEnc: text('legal_name_enc'),
    birthDateEnc: text('birth_date_enc'),
    /** Blind index (truncated HMAC) of the normalised preferred and legal names, for exact search. */
    nameIndex: text('name_index').array().notNull().default(sql`'{}'::text[]`),
    isProtectedWitness: boolean('is_protected_witness').notNull().default(false),
    status: text('status', { enum: ['intake', 'active', 'on_hold', 'closed', 'follow_up'] }).notNull(),
    riskLevel: text('risk_level', { enum: ['low', 'medium', 'high', 'critical'] }),
    /** Index of risk_level in RISK_LEVELS, or -1 when never assessed: sorts and filters use it. */
    riskRank: integer('risk_rank').notNull().default(-1),
    /** Date of the assessment in force; null when she was never assessed. */
    riskAssessedOn: date('risk_assessed_on', { mode: 'string' }),
    /** Since when an event made that assessment out of date (null: it is not). */
    riskStaleSince: timestamp('risk_stale_since', { withTimezone: true }),
    /** When the next periodic reassessment falls due. */
    riskReassessDueOn: date('risk_reassess_due_on', { mode: 'string' }),
    referenceUserId: uuid('reference_user_id').references(() => staffUser.id),
    /** How many times her reference professional changed: continuity matters to her. */
    referenceChanges: integer('reference_changes').notNull().default(0),
    /** Current legal situations (codes only, for list filters; details live in the legal section). */
    legalSituations: text('legal_situations').array().notNull().default(sql`'{}'::text[]`),
    /** Intake steps saved so far, while status is `intake`. */
    intakeSteps: text('intake_steps').array().notNull().default(sql`'{}'::text[]`),
    createdByUserId: uuid('created_by_user_id').references(() => staffUser.id),
    /** Due date of her earliest open task, kept by resources/tasks (list sort and filter). */
    nextDueOn: date('next_due_on', { mode: 'string' }),
    /** Her own ranking of the spheres, most important first (codes only). */
    priorities: text('priorities').array().notNull().default(sql`'{}'::text[]`),
    /**
     * Basic needs her needs assessment shows unmet, each with the sphere that shows it
     * (`health_care:mental_health`, codes only): flagged at the top of her case to readers who may
     * open that sphere's section. A bare code (`food`, written before the sphere was kept) counts as
     * coming from every sphere of the need: shown only to readers who may open all of them.
     */
    unmetBasicNeeds: text('unmet_basic_needs').array().notNull().default(sql`'{}'::text[]`),
    /**
     * Spheres rated crisis or vulnerable in her latest monitoring round (codes only): never sent as
     * such; the case list filters on them within the reach the viewer's access gives her.
     */
    attentionSpheres: text('attention_spheres').array().notNull().default(sql`'{}'::text[]`),
    isDemo: boolean('is_demo').notNull().default(false),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('participant_case_code_key').on(t.organizationId, t.caseCode),
    index('participant_org_opened_idx').on(t.organizationId, t.openedAt, t.id),
    index('participant_org_status_opened_idx').on(t.organizationId, t.status, t.openedAt, t.id),
    index('participant_org_risk_idx').on(t.organizationId, t.riskRank, t.id),
    index('participant_org_status_risk_idx').on(t.organizationId, t.status, t.riskRank, t.id),
    index('participant_org_code_idx').on(t.organizationId, t.caseCode, t.id),
    index('participant_org_reference_idx').on(t.organizationId, t.referenceUserId),
    index('participant_org_next_due_idx').on(t.organizationId, t.nextDueOn, t.id),
    // Exact-name search: `name_index @> array[…]` over the truncated blind indexes. Under row-level
    // security PostgreSQL skips it (`@>` is not leakproof): see docs/performance.md.
    index('participant_name_index_idx').using('gin', t.nameIndex),
  ],
);

/** Append-only, hash-chained record of every access to case data (one chain per organization). */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    section: text('section'),
    reason: text('reason'),
    outcome: text('outcome', { enum: ['allowed', 'denied'] }).notNull(),
    flagged: boolean('flagged').notNull().default(false),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_event_chain_key').on(t.organizationId, t.seq),
    index('audit_event_resource_idx').on(t.organizationId, t.resourceType, t.resourceId, t.occurredAt),
    index('audit_event_actor_idx').on(t.organizationId, t.actorUserId, t.occurredAt),
  ],
);

/** Messages to staff inside the product (break-glass, repeated denials, second-factor resets). */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => staffUser.id),
    kind: text('kind').notNull(),
    /** Case codes and ids only: never names or case content. */
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notification_recipient_idx').on(t.organizationId, t.recipientUserId, t.createdAt)],
);

export const caseTeamMember = pgTable(
  'case_team_member',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participant.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUser.id),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.userId] }),
    index('case_team_member_user_idx').on(t.organizationId, t.userId),
  ],
);

/** A coordinator's emergency access to one section of one case, with her written reason. */
export const breakGlassGrant = pgTable(
  'break_glass_grant',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participant.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUser.id),
    section: text('section').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('break_glass_grant_lookup_idx').on(t.organizationId, t.participantId, t.userId)],
);

/** Notes per case section; the body is encrypted with her data key. */
export const caseNote = pgTable(
  'case_note',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participant.id),
    section: text('section').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => staffUser.id),
    bodyEnc: text('body_enc').notNull(),
    /** `section`: everyone with full access to the section; `author`: the author only. */
    visibility: text('visibility', { enum: ['section', 'author'] })
      .notNull()
      .default('section'),
    createdAt: createdAt(),
  },
  (t) => [index('case_note_section_idx').on(t.organizationId, t.participantId, t.section, t.createdAt)],
);

/** Organization keys, wrapped by the master key; several versions live during rotation. */
export const organizationKey = pgTable(
  'organization_key',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    purpose: text('purpose', { enum: ['data', 'index'] }).notNull(),
    version: integer('version').notNull(),
    wrappedKey: text('wrapped_key').notNull(),
    masterKeyId: text('master_key_id').notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.purpose, t.version] })],
);

/** One data key per participant, wrapped by an organization key; destroyed to erase her. */
export const participantKey = pgTable(
  'participant_key',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    participantId: uuid('participant_id')
      .primaryKey()
      .references(() => participant.id),
    organizationKeyVersion: integer('organization_key_version').notNull(),
    wrappedKey: text('wrapped_key'),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
  },
  (t) => [index('participant_key_version_idx').on(t.organizationId, t.organizationKeyVersion)],
);

/** Single-use recovery codes for the second factor, stored hashed. */
export const recoveryCode = pgTable(
  'recovery_code',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUser.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_code_user_idx').on(t.organizationId, t.userId)],
);

/** WebAuthn passkeys registered by staff (user verification required). */
export const webauthnCredential = pgTable(
  'webauthn_credential',
  {
    id: text('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUser.id),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: text('transports').array(),
    label: text('label').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('webauthn_credential_user_idx').on(t.organizationId, t.userId)],
);

/**
 * One-time links an administrator hands to a staff member: to set her password and second
 * factor (invitation), or to set up a new second factor after a reset. Stored as a token hash.
 */
export const staffInvitation = pgTable(
  'staff_invitation',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUser.id),
    kind: text('kind', { enum: ['invitation', 'second_factor'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => staffUser.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Used or replaced by a newer link: either way it no longer opens anything. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The session opened with this link: the only one allowed to enrol a second factor. */
    acceptedSessionId: uuid('accepted_session_id').references(() => authSession.id),
  },
  (t) => [
    uniqueIndex('staff_invitation_token_key').on(t.tokenHash),
    index('staff_invitation_user_idx').on(t.organizationId, t.userId),
  ],
);
