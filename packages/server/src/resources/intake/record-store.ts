/**
 * Section records at rest: one sealed JSON document per participant and section, holding her
 * answers by step and a short log of which fields each version changed (field names only, never
 * values), so a refused save can say exactly what changed since the version the editor started
 * from. Her names and birth date stay in the participant columns; the identity record holds the
 * rest of the identity section and is shown merged with them.
 */
import type { RecordSection, TPersonStep, TSectionRecordData } from '@cope/contracts';
import { and, eq } from 'drizzle-orm';
import { staffUser } from '../../db/schema.js';
import { caseRecord } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';
import type { IdentityColumns } from '../participants/records.js';

export type RecordData = TSectionRecordData;

interface ChangeEntry {
  version: number;
  fields: string[];
}

interface SealedRecord {
  data: RecordData;
  changes: ChangeEntry[];
}

/** Versions whose changed fields are remembered; an editor further behind gets a plain comparison. */
const CHANGE_LOG_LENGTH = 50;

const recordRef = (participantId: string, section: RecordSection) => ({
  table: 'case_record',
  column: section,
  recordId: participantId,
});

export interface StoredRecord {
  /** 0 when nothing has been saved yet. */
  version: number;
  data: RecordData;
  changes: ChangeEntry[];
  updatedAt: Date | null;
  updatedBy: { id: string; displayName: string } | null;
}

function personOf(identity: IdentityColumns, stored: Partial<TPersonStep> | undefined): TPersonStep {
  return {
    preferredName: identity.preferredName,
    legalName: identity.legalName ?? '',
    birthDate: identity.birthDate ?? '',
    approximateAge: stored?.approximateAge ?? null,
    citizenship: stored?.citizenship ?? null,
    documents: stored?.documents ?? [],
  };
}

/** What is sealed: for identity, the person step without the values kept in participant columns. */
function toSealed(section: RecordSection, data: RecordData): RecordData {
  if (section !== 'identity' || !data.person) return data;
  const { preferredName: _p, legalName: _l, birthDate: _b, ...rest } = data.person;
  return { ...data, person: rest as TPersonStep };
}

/**
 * Her record of one section. `identity` (names and birth date, opened by the caller) is needed
 * for the identity section only.
 */
export async function loadRecord(
  tx: Tx,
  keyring: Keyring,
  dataKey: Buffer,
  participantId: string,
  section: RecordSection,
  identity: IdentityColumns | null,
): Promise<StoredRecord> {
  const [row] = await tx
    .select({ record: caseRecord, updatedByName: staffUser.displayName })
    .from(caseRecord)
    .leftJoin(staffUser, eq(staffUser.id, caseRecord.updatedByUserId))
    .where(and(eq(caseRecord.participantId, participantId), eq(caseRecord.section, section)));
  const sealed: SealedRecord = row
    ? (JSON.parse(
        keyring.openWithKey(dataKey, recordRef(participantId, section), row.record.dataEnc),
      ) as SealedRecord)
    : { data: {}, changes: [] };
  const data =
    section === 'identity' && identity
      ? { ...sealed.data, person: personOf(identity, sealed.data.person) }
      : sealed.data;
  return {
    version: row?.record.version ?? 0,
    data,
    changes: sealed.changes,
    updatedAt: row?.record.updatedAt ?? null,
    updatedBy:
      row?.record.updatedByUserId && row.updatedByName
        ? { id: row.record.updatedByUserId, displayName: row.updatedByName }
        : null,
  };
}

/** Leaf values by dotted path; arrays count as one value ("contact.phones"). */
function flatten(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into.set(prefix, JSON.stringify(value ?? null));
  }
  return into;
}

export function changedFields(before: RecordData, after: RecordData): string[] {
  const a = flatten(before, '', new Map());
  const b = flatten(after, '', new Map());
  const fields = new Set<string>();
  for (const [path, value] of a) if (b.get(path) !== value) fields.add(path);
  for (const [path, value] of b) if (a.get(path) !== value) fields.add(path);
  return [...fields].sort();
}

export function valueAt(data: RecordData, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}

/**
 * Writes the next version when the stored one is still `previous.version`; returns the new
 * version, or null when someone saved in between (nothing is written then).
 */
export async function writeRecord(
  tx: Tx,
  keyring: Keyring,
  dataKey: Buffer,
  input: {
    organizationId: string;
    participantId: string;
    section: RecordSection;
    previous: StoredRecord;
    next: RecordData;
    userId: string;
  },
): Promise<number | null> {
  const { participantId, section, previous } = input;
  const version = previous.version + 1;
  const changes = [...previous.changes, { version, fields: changedFields(previous.data, input.next) }].slice(
    -CHANGE_LOG_LENGTH,
  );
  const sealed: SealedRecord = { data: toSealed(section, input.next), changes };
  const dataEnc = keyring.sealWithKey(dataKey, recordRef(participantId, section), JSON.stringify(sealed));
  const now = new Date();
  if (previous.version === 0) {
    const inserted = await tx
      .insert(caseRecord)
      .values({
        organizationId: input.organizationId,
        participantId,
        section,
        dataEnc,
        version,
        updatedAt: now,
        updatedByUserId: input.userId,
      })
      .onConflictDoNothing()
      .returning({ version: caseRecord.version });
    return inserted.length === 1 ? version : null;
  }
  const updated = await tx
    .update(caseRecord)
    .set({ dataEnc, version, updatedAt: now, updatedByUserId: input.userId })
    .where(
      and(
        eq(caseRecord.participantId, participantId),
        eq(caseRecord.section, section),
        eq(caseRecord.version, previous.version),
      ),
    )
    .returning({ version: caseRecord.version });
  return updated.length === 1 ? version : null;
}

/**
 * What changed since the version an editor started from: the fields logged for every later
 * version, with their current values. When the log no longer reaches back that far, the fields
 * where the saved copy differs from hers.
 */
export function changesSince(current: StoredRecord, herVersion: number, submitted: RecordData) {
  const later = current.changes.filter((entry) => entry.version > herVersion);
  const complete = herVersion < current.version && later.length === current.version - herVersion;
  const fields = complete
    ? [...new Set(later.flatMap((entry) => entry.fields))].sort()
    : changedFields({ ...current.data, ...submitted }, current.data);
  return fields.map((field) => ({ field, theirs: valueAt(current.data, field) }));
}
