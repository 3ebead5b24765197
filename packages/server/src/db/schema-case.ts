/**
 * Case tables: intake records per section, blind indexes for duplicate checks, the consent
 * register and what depends on it (section shares, signed scans), the case team's history,
 * retention holds and tasks. Same rules as schema.ts: `organization_id` everywhere, forced
 * row-level security (migrations/0005_case_rls.sql), identifying content sealed with her data key.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgId, participantId } from './columns.js';
import { participant, staffUser } from './schema.js';

/**
 * Structured answers of one case section (intake steps and later edits), one sealed JSON
 * document per section. `version` gives optimistic concurrency: a save names the version it
 * started from and is refused when someone saved in between.
 */
export const caseRecord = pgTable(
  'case_record',
  {
    organizationId: orgId(),
    participantId: participantId(),
    section: text('section').notNull(),
    dataEnc: text('data_enc').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id').references(() => staffUser.id),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.section] })],
);

/**
 * Truncated keyed hashes of normalised names (with birth date), phones and document numbers.
 * Equality look-ups by B-tree: the value a search or duplicate check computes is compared with
 * `=`, which PostgreSQL may use under row-level security.
 */
export const participantLookup = pgTable(
  'participant_lookup',
  {
    organizationId: orgId(),
    participantId: participantId(),
    kind: text('kind', { enum: ['name', 'name_birth', 'phone', 'document'] }).notNull(),
    digest: text('digest').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.kind, t.digest, t.participantId] }),
    index('participant_lookup_participant_idx').on(t.organizationId, t.participantId),
  ],
);

/** Her consents (DOMAIN.md "Consent"). Withdrawal is a date, never a deletion. */
export const consent = pgTable(
  'consent',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    purpose: text('purpose').notNull(),
    /** Role group (`team:<role>`, `org:<role>`) or organization name; null when none applies. */
    recipient: text('recipient'),
    dataCategories: text('data_categories').array().notNull(),
    method: text('method').notNull(),
    /** ISO 639-1 code of the language she was told in. */
    language: text('language').notNull(),
    explainedByUserId: uuid('explained_by_user_id')
      .notNull()
      .references(() => staffUser.id),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalMethod: text('withdrawal_method'),
    withdrawalNoteEnc: text('withdrawal_note_enc'),
    withdrawnByUserId: uuid('withdrawn_by_user_id').references(() => staffUser.id),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => staffUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('consent_participant_idx').on(t.organizationId, t.participantId, t.createdAt)],
);

/** Uploaded files (signed consent scans), sealed with her data key. */
export const attachment = pgTable(
  'attachment',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    consentId: uuid('consent_id').references(() => consent.id),
    kind: text('kind', { enum: ['consent_scan'] }).notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    dataEnc: text('data_enc').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id')
      .notNull()
      .references(() => staffUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachment_participant_idx').on(t.organizationId, t.participantId)],
);

/**
 * A section of her case opened to a role group beyond the matrix. Effective only while the
 * consent it names is active: withdrawal closes it at once, without a job.
 */
export const sectionShare = pgTable(
  'section_share',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    section: text('section').notNull(),
    audience: text('audience').notNull(),
    /** Null only for a coordinator's emergency override, which carries its reason instead. */
    consentId: uuid('consent_id').references(() => consent.id),
    emergencyReason: text('emergency_reason'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => staffUser.id),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedReason: text('ended_reason'),
  },
  (t) => [index('section_share_participant_idx').on(t.organizationId, t.participantId)],
);

/** Changes of reference professional, each with the handover note (sealed). */
export const referenceHandover = pgTable(
  'reference_handover',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    fromUserId: uuid('from_user_id').references(() => staffUser.id),
    toUserId: uuid('to_user_id')
      .notNull()
      .references(() => staffUser.id),
    noteEnc: text('note_enc').notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => staffUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('reference_handover_participant_idx').on(t.organizationId, t.participantId, t.createdAt)],
);

/** Something that keeps her file from being erased (e.g. open legal proceedings). */
export const retentionHold = pgTable(
  'retention_hold',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: participantId(),
    reason: text('reason').notNull(),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => staffUser.id),
    createdAt: createdAt(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    clearedByUserId: uuid('cleared_by_user_id').references(() => staffUser.id),
    clearedReason: text('cleared_reason'),
  },
  (t) => [index('retention_hold_participant_idx').on(t.organizationId, t.participantId)],
);

/**
 * Work someone must do (full risk assessment after intake, telling her of an emergency
 * override, reviewing an in-flight share after a withdrawal). Payload holds codes, never names.
 */
export const task = pgTable(
  'task',
  {
    id: uuid('id').primaryKey(),
    organizationId: orgId(),
    participantId: uuid('participant_id').references(() => participant.id),
    assigneeUserId: uuid('assignee_user_id')
      .notNull()
      .references(() => staffUser.id),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneByUserId: uuid('done_by_user_id').references(() => staffUser.id),
  },
  (t) => [
    index('task_assignee_idx').on(t.organizationId, t.assigneeUserId, t.doneAt, t.dueOn),
    index('task_participant_idx').on(t.organizationId, t.participantId, t.doneAt, t.dueOn),
    // The coordinator's overdue view: open tasks of the organization, the oldest due first.
    index('task_open_due_idx').on(t.organizationId, t.dueOn, t.createdAt).where(sql`${t.doneAt} is null`),
  ],
);
