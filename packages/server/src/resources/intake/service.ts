/**
 * The guided intake: opening her case from the first step, saving each later step as a draft,
 * reading the draft back, and completing the intake once her record-keeping consent is on file.
 * Every step is stored in the case section it belongs to, so section access applies to it.
 */
import {
  RECORD_SECTIONS,
  stepsOfSection,
  type TIntakeCompleted,
  type TIntakeCreated,
  type TIntakeDraft,
  type TIntakeStepSaved,
  type TPersonStep,
  type TSectionRecordData,
  todayIso,
} from '@cope/contracts';
import {
  type ConsentFacts,
  type ConsentPurpose,
  findConsent,
  INTAKE_STEP_SECTION,
  INTAKE_STEPS,
  type IntakeStep,
  type Section,
  screeningUrgency,
} from '@cope/domain';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { caseTeamMember, participant } from '../../db/schema.js';
import { consent } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import { requireStepUp } from '../../http/step-up.js';
import { caseCan } from '../../policy/index.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { scheduleFirstReview } from '../monitoring/review.js';
import { createParticipantRecord } from '../participants/records.js';
import { createTask, isoDateIn } from '../tasks/create.js';
import {
  applyRecord,
  type CaseContext,
  checkArrival,
  erasedError,
  type Outcome,
  openCase,
} from './case-context.js';
import { reveal } from './concealment.js';
import { findDuplicates } from './duplicates.js';
import { probeOf, writeLookups } from './lookups.js';
import { loadRecord, type StoredRecord, writeRecord } from './record-store.js';

const EMPTY_RECORD: StoredRecord = { version: 0, data: {}, changes: [], updatedAt: null, updatedBy: null };

const audit = (
  tx: Tx,
  viewer: Viewer,
  action: 'intake.saved' | 'intake.completed' | 'participant.create' | 'record.read',
  participantId: string,
  section?: Section,
  reason?: string,
) =>
  recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action,
    resourceType: 'participant',
    resourceId: participantId,
    section: section ?? null,
    reason: reason ?? null,
  });

/** Opens her case from the person step; the professional who opens it becomes her reference. */
export async function createIntake(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  person: TPersonStep,
): Promise<TIntakeCreated> {
  const created = await createParticipantRecord(tx, keyring, {
    organizationId: viewer.organizationId,
    preferredName: person.preferredName,
    legalName: person.legalName || null,
    birthDate: person.birthDate || null,
    status: 'intake',
    referenceUserId: viewer.userId,
  });
  await tx
    .update(participant)
    .set({ createdByUserId: viewer.userId, intakeSteps: ['person'] })
    .where(eq(participant.id, created.id));
  await tx
    .insert(caseTeamMember)
    .values({ organizationId: viewer.organizationId, participantId: created.id, userId: viewer.userId });
  const data: TSectionRecordData = { person };
  await writeRecord(tx, keyring, created.dataKey, {
    organizationId: viewer.organizationId,
    participantId: created.id,
    section: 'identity',
    previous: EMPTY_RECORD,
    next: data,
    userId: viewer.userId,
  });
  await writeLookups(tx, keyring, viewer.organizationId, created.id, probeOf(data));
  await audit(tx, viewer, 'participant.create', created.id, 'identity');
  await audit(tx, viewer, 'intake.saved', created.id, 'identity', 'step: person');
  const duplicates = await findDuplicates(tx, keyring, viewer, created.id, probeOf(data));
  return { id: created.id, caseCode: created.caseCode, duplicates };
}

function mayEdit(viewer: Viewer, ctx: CaseContext, section: Section): boolean {
  return caseCan(viewer, 'record.edit', ctx.place) && ctx.level(section) === 'full';
}

/** Saves one step as a draft; only that step's part of the section record is replaced. */
export async function saveIntakeStep<S extends IntakeStep>(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  step: S,
  values: NonNullable<TSectionRecordData[S]>,
): Promise<Outcome<TIntakeStepSaved>> {
  const ctx = await openCase(tx, keyring, viewer, participantId);
  if (!ctx) return { kind: 'missing' };
  const section = INTAKE_STEP_SECTION[step] as (typeof RECORD_SECTIONS)[number];
  if (!mayEdit(viewer, ctx, section)) return { kind: 'denied', section };
  if (ctx.row.status !== 'intake') {
    throw new AppError('CONFLICT', 'This intake is complete. Edit the section from the case page instead.');
  }
  if (!ctx.dataKey) throw erasedError();
  // A protected witness's identity and address are written only after a recent second factor.
  if (ctx.row.isProtectedWitness && (step === 'person' || step === 'contact')) requireStepUp(viewer);
  const next: TSectionRecordData = { [step]: values };
  checkArrival(ctx, next, 'arrivalDate');
  const previous = await loadRecord(tx, keyring, ctx.dataKey, participantId, section, ctx.identity);
  const merged = { ...previous.data, ...next };
  const version = await applyRecord(tx, keyring, viewer, ctx, {
    section,
    previous,
    next: merged,
    steps: [step],
  });
  if (version === null) {
    throw new AppError('CONFLICT', 'Someone saved this part at the same moment. Save again.');
  }
  await audit(tx, viewer, 'intake.saved', participantId, section, `step: ${step}`);
  const duplicates =
    step === 'person' || step === 'contact'
      ? await findDuplicates(tx, keyring, viewer, participantId, probeOf(merged))
      : null;
  const saved = new Set([...ctx.row.intakeSteps, step]);
  return { kind: 'ok', value: { savedSteps: INTAKE_STEPS.filter((s) => saved.has(s)), duplicates } };
}

async function consentsOf(tx: Tx, participantId: string): Promise<ConsentFacts[]> {
  const rows = await tx.select().from(consent).where(eq(consent.participantId, participantId));
  return rows.map((row) => ({
    id: row.id,
    purpose: row.purpose as ConsentPurpose,
    recipient: row.recipient,
    dataCategories: row.dataCategories as Section[],
    givenOn: row.givenOn,
    expiresOn: row.expiresOn,
    withdrawnAt: row.withdrawnAt,
  }));
}

/** The saved answers of the steps the viewer may see, to resume an intake where it was left. */
export async function readIntakeDraft(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
): Promise<Outcome<TIntakeDraft>> {
  const ctx = await openCase(tx, keyring, viewer, participantId);
  if (!ctx) return { kind: 'missing' };
  const steps: TSectionRecordData = {};
  const restrictedSteps: IntakeStep[] = [];
  for (const section of RECORD_SECTIONS) {
    if (ctx.level(section) !== 'full') {
      restrictedSteps.push(...stepsOfSection(section));
      continue;
    }
    if (!ctx.dataKey) continue;
    const record = await loadRecord(tx, keyring, ctx.dataKey, participantId, section, ctx.identity);
    if (record.version === 0 && section !== 'identity') continue;
    // The draft holds her legal name, birth date and address: reading it is a reveal.
    if (section === 'identity') await reveal(tx, viewer, ctx);
    Object.assign(steps, record.data);
    await audit(tx, viewer, 'record.read', participantId, section);
  }
  const check = findConsent(await consentsOf(tx, participantId), { purpose: 'record_keeping' }, todayIso());
  return {
    kind: 'ok',
    value: {
      id: ctx.row.id,
      caseCode: ctx.row.caseCode,
      status: ctx.row.status,
      savedSteps: INTAKE_STEPS.filter((s) => ctx.row.intakeSteps.includes(s)),
      steps,
      restrictedSteps: INTAKE_STEPS.filter((s) => restrictedSteps.includes(s)),
      recordKeepingConsent: check.ok,
    },
  };
}

/**
 * Completes the intake: her record-keeping consent must be active. The case becomes active and
 * her reference professional gets the full risk assessment as a task, due tomorrow when the
 * first screening found any danger, else within a week, and her first needs assessment and
 * ratings (the itinerary's first review), due in a month.
 */
export async function completeIntake(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
): Promise<Outcome<TIntakeCompleted>> {
  const ctx = await openCase(tx, keyring, viewer, participantId);
  if (!ctx) return { kind: 'missing' };
  if (!caseCan(viewer, 'record.edit', ctx.place)) return { kind: 'denied', section: null };
  if (ctx.row.status !== 'intake') throw new AppError('CONFLICT', 'This intake is already complete.');
  if (!ctx.row.intakeSteps.includes('person')) {
    throw new AppError('CONFLICT', 'Save the first step, her name, before completing the intake.', {
      missingSteps: ['person'],
    });
  }
  if (!ctx.dataKey) throw erasedError();
  const check = findConsent(await consentsOf(tx, participantId), { purpose: 'record_keeping' }, todayIso());
  if (!check.ok) {
    throw new AppError(
      'CONSENT_REQUIRED',
      'Her consent to record keeping is missing. Record it (signed, witnessed verbal or scanned) before completing the intake.',
      check.missing,
    );
  }
  const safety = await loadRecord(tx, keyring, ctx.dataKey, participantId, 'safety', null);
  const screening = safety.data.screening;
  const urgent =
    screening !== undefined &&
    screeningUrgency([
      screening.immediateDanger,
      screening.exploitersKnowAddress,
      screening.ongoingContact,
    ]) === 'urgent';
  const dueOn = isoDateIn(urgent ? 1 : 7);
  await tx
    .update(participant)
    .set({ status: 'active', updatedAt: new Date() })
    .where(eq(participant.id, participantId));
  await createTask(tx, {
    organizationId: viewer.organizationId,
    participantId,
    assigneeUserId: ctx.row.referenceUserId ?? viewer.userId,
    kind: 'risk_assessment',
    dueOn,
    payload: { caseCode: ctx.row.caseCode, urgent },
  });
  await scheduleFirstReview(tx, {
    organizationId: viewer.organizationId,
    participantId,
    assigneeUserId: ctx.row.referenceUserId ?? viewer.userId,
  });
  await audit(tx, viewer, 'intake.completed', participantId);
  return {
    kind: 'ok',
    value: { id: participantId, caseCode: ctx.row.caseCode, riskAssessmentDueOn: dueOn, urgent },
  };
}
