/**
 * What every intake and record action needs about one case: her row, the viewer's place and
 * section levels, her data key; and what follows a saved record (names, blind indexes, legal
 * situations for list filters, saved intake steps) so those never drift from the record. Once
 * her intake is complete, a saved record that changes her legal situation or her address is
 * published as a case event: her last risk assessment is then out of date.
 */
import { arrivalDateProblem, type RecordSection, todayIso } from '@cope/contracts';
import type { IntakeStep, ReassessmentTrigger, Section } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { participant } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { publishCaseEvent } from '../../events/case-events.js';
import { AppError } from '../../http/errors.js';
import { caseRelation, loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { type IdentityColumns, openIdentityColumns, updateIdentityColumns } from '../participants/records.js';
import { probeOf, writeLookups } from './lookups.js';
import { type RecordData, type StoredRecord, writeRecord } from './record-store.js';

export type Outcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'missing' }
  | { kind: 'denied'; section: Section | null }
  | { kind: 'conflict'; section: RecordSection; details: ConflictDetails };

export interface ConflictDetails {
  version: number;
  savedBy: string | null;
  savedAt: string | null;
  changes: { field: string; theirs: unknown }[];
}

export type CaseContext = NonNullable<Awaited<ReturnType<typeof openCase>>>;

export async function openCase(tx: Tx, keyring: Keyring, viewer: Viewer, participantId: string) {
  const [row] = await tx.select().from(participant).where(eq(participant.id, participantId));
  const facts = (await loadCaseFacts(tx, viewer, [participantId])).get(participantId);
  if (!row || !facts) return null;
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  return {
    row,
    place: caseRelation(viewer, facts),
    level: (section: Section) => sectionLevel(viewer, viewer.sectionMatrix, facts, section),
    dataKey,
    identity: dataKey ? openIdentityColumns(keyring, dataKey, row) : null,
  };
}

export const erasedError = () =>
  new AppError('CONFLICT', 'This record was erased; nothing can be added to it or read from it.');

/** A field error with the same shape as schema validation errors. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Check the body: ${field} — ${message}`, [{ field, message }]);
}

/** The arrival date cannot be before her date of birth (known only on the server side). */
export function checkArrival(ctx: CaseContext, data: RecordData, field: string): void {
  const arrival = data.journey?.arrivalDate;
  if (!arrival) return;
  const problem = arrivalDateProblem(arrival, ctx.identity?.birthDate ?? null, todayIso());
  if (problem) throw fieldError(field, problem);
}

function sameIdentity(a: IdentityColumns, b: IdentityColumns): boolean {
  return a.preferredName === b.preferredName && a.legalName === b.legalName && a.birthDate === b.birthDate;
}

/**
 * Saves the next version of a section record and keeps what depends on it in step. Returns the
 * new version, or null when someone saved in between (then nothing was changed).
 */
export async function applyRecord(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  ctx: CaseContext,
  input: { section: RecordSection; previous: StoredRecord; next: RecordData; steps: IntakeStep[] },
): Promise<number | null> {
  const { section, next } = input;
  const dataKey = ctx.dataKey;
  if (!dataKey) throw erasedError();
  const version = await writeRecord(tx, keyring, dataKey, {
    organizationId: viewer.organizationId,
    participantId: ctx.row.id,
    section,
    previous: input.previous,
    next,
    userId: viewer.userId,
  });
  if (version === null) return null;
  const changes: Partial<typeof participant.$inferInsert> = { updatedAt: new Date() };
  if (section === 'identity') {
    if (next.person) {
      const identity: IdentityColumns = {
        preferredName: next.person.preferredName,
        legalName: next.person.legalName || null,
        birthDate: next.person.birthDate || null,
      };
      if (!ctx.identity || !sameIdentity(ctx.identity, identity)) {
        await updateIdentityColumns(tx, keyring, viewer.organizationId, ctx.row.id, dataKey, identity);
      }
    }
    await writeLookups(tx, keyring, viewer.organizationId, ctx.row.id, probeOf(next));
  }
  if (section === 'legal') {
    const situations = [...new Set(next.legal?.legalSituations ?? [])];
    changes.legalSituations = situations;
    // Recording her as a protected witness turns on the extra protection at once; taking the code
    // away does not turn it off (that is a deliberate decision, not a side effect of an edit).
    if (situations.includes('protected_witness')) changes.isProtectedWitness = true;
  }
  const steps = [...new Set([...ctx.row.intakeSteps, ...input.steps])];
  if (steps.length !== ctx.row.intakeSteps.length) changes.intakeSteps = steps;
  await tx.update(participant).set(changes).where(eq(participant.id, ctx.row.id));
  // During intake the first assessment is still to come (completing the intake schedules it).
  if (ctx.row.status !== 'intake') {
    for (const kind of recordEvents(section, input.previous.data, next)) {
      await publishCaseEvent(
        { tx, keyring, viewer },
        { kind, participantId: ctx.row.id, detail: { source: 'record', section } },
      );
    }
  }
  return version;
}

const situationsOf = (data: RecordData) => new Set(data.legal?.legalSituations ?? []);

/** Her legal record in a form where only real changes differ (order and repeats do not count). */
const legalShape = (data: RecordData) =>
  JSON.stringify({
    asylumSeeker: data.legal?.asylumSeeker ?? null,
    legalSituations: [...situationsOf(data)].sort(),
  });

/** Spaces and capitals do not make a new address. */
const addressOf = (data: RecordData) =>
  (data.contact?.address ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What a saved record tells the safety work. In the legal record, the most specific event:
 * starting to collaborate with the police, becoming a protected witness (each raises its own
 * risk factor, so both are told when both start in one save), otherwise any other change. Her
 * address lives in the identity section (safe-contact step): a new one is a change of residence.
 */
export function recordEvents(
  section: RecordSection,
  previous: RecordData,
  next: RecordData,
): ReassessmentTrigger[] {
  if (section === 'legal') {
    const before = situationsOf(previous);
    const added = [...situationsOf(next)].filter((situation) => !before.has(situation));
    const events: ReassessmentTrigger[] = [];
    if (added.includes('collaborating_with_police')) events.push('collaboration_started');
    if (added.includes('protected_witness')) events.push('witness_status');
    if (events.length > 0) return events;
    return legalShape(previous) === legalShape(next) ? [] : ['legal_changed'];
  }
  if (section === 'identity' && addressOf(previous) !== addressOf(next)) return ['residence_changed'];
  return [];
}
