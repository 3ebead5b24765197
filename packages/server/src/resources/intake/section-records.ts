/**
 * Structured records of a case section, read and edited any time after intake by those with
 * full access to the section. Saves name the version they started from; a save over someone
 * else's newer version is refused with what changed, and nothing is overwritten.
 */
import {
  type RecordSection,
  stepsOfSection,
  type TSaveSectionRecordRequest,
  type TSectionRecord,
} from '@cope/contracts';
import type { IntakeStep } from '@cope/domain';
import { recordAudit } from '../../audit/record.js';
import type { Tx } from '../../db/tenant.js';
import { caseCan } from '../../policy/index.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import {
  applyRecord,
  type CaseContext,
  checkArrival,
  erasedError,
  fieldError,
  type Outcome,
  openCase,
} from './case-context.js';
import { conceal, concealChanges, reveal } from './concealment.js';
import { changesSince, loadRecord, type StoredRecord } from './record-store.js';

/** The record for the viewer; identity answers shown only on request stay blank unless revealed. */
export function presentRecord(
  section: RecordSection,
  record: StoredRecord,
  revealed: boolean,
): TSectionRecord {
  const shown =
    section === 'identity' && !revealed ? conceal(record.data) : { data: record.data, concealed: [] };
  return {
    section,
    version: record.version,
    data: shown.data,
    updatedAt: record.updatedAt?.toISOString() ?? null,
    updatedBy: record.updatedBy,
    erased: false,
    concealed: shown.concealed,
  };
}

const ERASED: StoredRecord = { version: 0, data: {}, changes: [], updatedAt: null, updatedBy: null };

function conflict(section: RecordSection, current: StoredRecord, request: TSaveSectionRecordRequest) {
  return {
    kind: 'conflict' as const,
    section,
    details: {
      version: current.version,
      savedBy: current.updatedBy?.displayName ?? null,
      savedAt: current.updatedAt?.toISOString() ?? null,
      changes: concealChanges(
        changesSince(current, request.version, request.data),
        Object.keys(request.data),
      ),
    },
  };
}

const load = (tx: Tx, keyring: Keyring, ctx: CaseContext, section: RecordSection) =>
  ctx.dataKey ? loadRecord(tx, keyring, ctx.dataKey, ctx.row.id, section, ctx.identity) : null;

export async function readSectionRecord(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  section: RecordSection,
  options: { reveal: boolean },
): Promise<Outcome<TSectionRecord>> {
  const ctx = await openCase(tx, keyring, viewer, participantId);
  if (!ctx) return { kind: 'missing' };
  if (ctx.level(section) !== 'full') return { kind: 'denied', section };
  const revealed = options.reveal && section === 'identity';
  if (revealed && ctx.dataKey) await reveal(tx, viewer, ctx);
  const record = await load(tx, keyring, ctx, section);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'record.read',
    resourceType: 'participant',
    resourceId: participantId,
    section,
  });
  // After erasure her answers cannot be opened: they read as erased, never as an error.
  const value = record
    ? presentRecord(section, record, revealed)
    : { ...presentRecord(section, ERASED, false), erased: true };
  return { kind: 'ok', value };
}

export async function saveSectionRecord(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  section: RecordSection,
  request: TSaveSectionRecordRequest,
): Promise<Outcome<TSectionRecord>> {
  const allowed = stepsOfSection(section);
  const steps = Object.keys(request.data).filter(
    (key) => request.data[key as IntakeStep] !== undefined,
  ) as IntakeStep[];
  const foreign = steps.find((step) => !allowed.includes(step));
  if (foreign) throw fieldError(`data.${foreign}`, `This part does not belong to the ${section} section.`);
  if (steps.length === 0) throw fieldError('data', 'Send at least one part of the record to save.');

  const ctx = await openCase(tx, keyring, viewer, participantId);
  if (!ctx) return { kind: 'missing' };
  if (!caseCan(viewer, 'record.edit', ctx.place) || ctx.level(section) !== 'full') {
    return { kind: 'denied', section };
  }
  const previous = await load(tx, keyring, ctx, section);
  if (!previous) throw erasedError();
  // Her legal name, birth date and address are edited only once shown: the same rule as a reveal.
  const revealed = section === 'identity' && (steps.includes('person') || steps.includes('contact'));
  if (revealed) await reveal(tx, viewer, ctx);
  checkArrival(ctx, request.data, 'data.journey.arrivalDate');
  if (previous.version !== request.version) return conflict(section, previous, request);

  const next = { ...previous.data, ...request.data };
  const version = await applyRecord(tx, keyring, viewer, ctx, { section, previous, next, steps });
  if (version === null) {
    // Someone saved between our read and our write: report against what is stored now.
    const current = await load(tx, keyring, ctx, section);
    return conflict(section, current ?? previous, request);
  }
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'record.write',
    resourceType: 'participant',
    resourceId: participantId,
    section,
  });
  const saved = await openCase(tx, keyring, viewer, participantId);
  const record = saved ? await load(tx, keyring, saved, section) : null;
  if (!record) throw erasedError();
  return { kind: 'ok', value: presentRecord(section, record, revealed) };
}
