/**
 * Columns every case table shares: when a row was created, the organization it belongs to (row-level
 * security keys on it), the participant it is about, and references to staff accounts.
 */
import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { organization, participant, staffUser } from './schema.js';

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const orgId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organization.id);
export const participantId = () =>
  uuid('participant_id')
    .notNull()
    .references(() => participant.id);
export const staffRef = (name: string) => uuid(name).references(() => staffUser.id);
