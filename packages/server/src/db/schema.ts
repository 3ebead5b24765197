/**
 * Database schema. Every table that holds an organization's data carries `organization_id`
 * and is protected by forced row-level security (see migrations/0001_tenant_isolation.sql).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
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
  absoluteTimeoutMinutes: integer('absolute_timeout_minutes').notNull().default(480),
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
    passwordHash: text('password_hash').notNull(),
    totpSecret: text('totp_secret'),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    mfaEnrolledAt: timestamp('mfa_enrolled_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
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
    preferredName: text('preferred_name'),
    status: text('status', { enum: ['intake', 'active', 'on_hold', 'closed', 'follow_up'] }).notNull(),
    riskLevel: text('risk_level', { enum: ['low', 'medium', 'high', 'critical'] }),
    /** Index of risk_level in RISK_LEVELS, or -1 when never assessed: sorts and filters use it. */
    riskRank: integer('risk_rank').notNull().default(-1),
    referenceUserId: uuid('reference_user_id').references(() => staffUser.id),
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
  ],
);
