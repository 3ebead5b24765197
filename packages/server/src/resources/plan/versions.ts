/**
 * The versions of her plan (DOMAIN.md "Individual integration plan"): at most one draft at a
 * time, started from the version in force (or empty from today), saved whole with a revision
 * that refuses a stale save, discarded when not wanted. Agreed versions are never changed; a
 * review is a new version (agreement.ts makes a draft the plan in force).
 */
import { randomUUID } from 'node:crypto';
import type { TPlanVersion, ZPlanDraftSave } from '@cope/contracts';
import { nextPlanDraft, type PlanContent } from '@cope/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { participant } from '../../db/schema.js';
import { planVersion } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { erasedError } from '../intake/case-context.js';
import { auditPlan } from './audit.js';
import { type PlanSeal, planSeal } from './content.js';
import { presentVersion, type VersionRow } from './presenters.js';
import { peopleOf, planTeam } from './team.js';

type DraftSave = z.output<typeof ZPlanDraftSave>;

export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Her data key, or the refusal every write gives once her data was erased. */
export async function sealFor(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
): Promise<PlanSeal> {
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();
  return planSeal(keyring, dataKey);
}

/** Her versions, newest first (nothing sealed is opened). */
export function versionRows(tx: Tx, participantId: string): Promise<VersionRow[]> {
  return tx
    .select()
    .from(planVersion)
    .where(eq(planVersion.participantId, participantId))
    .orderBy(desc(planVersion.version));
}

/** One version opened for the staff app. */
export async function openVersion(tx: Tx, seal: PlanSeal, row: VersionRow): Promise<TPlanVersion> {
  const content = seal.openContent(row.id, row.contentEnc);
  const agreement = row.agreementEnc ? seal.openAgreement(row.id, row.agreementEnc) : null;
  const people = await peopleOf(tx, [
    row.createdByUserId,
    row.updatedByUserId,
    row.agreementRecordedByUserId,
  ]);
  return presentVersion(row, content, agreement, people);
}

/** Her draft, held until this transaction ends (saving, agreeing and discarding take turns). */
export async function lockedDraft(tx: Tx, participantId: string): Promise<VersionRow> {
  const [draft] = await tx
    .select()
    .from(planVersion)
    .where(and(eq(planVersion.participantId, participantId), eq(planVersion.status, 'draft')))
    .for('update');
  if (!draft) {
    throw new AppError(
      'NOT_FOUND',
      'There is no draft of her plan: someone may have agreed it or discarded it. Reload her plan.',
    );
  }
  return draft;
}

/** A save or agreement made on an older revision of the draft than the one stored. */
export async function staleRevision(tx: Tx, draft: VersionRow): Promise<AppError> {
  const savedBy = (await peopleOf(tx, [draft.updatedByUserId]))(draft.updatedByUserId);
  return new AppError(
    'CONFLICT',
    `${savedBy.displayName} saved this draft of her plan while you were working on it. Nothing was ` +
      'overwritten: reload her plan, then make your change again.',
    { revision: draft.revision, savedBy, savedAt: draft.updatedAt.toISOString() },
  );
}

export async function startDraft(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  now = new Date(),
): Promise<{ created: boolean; version: TPlanVersion }> {
  // One draft of her plan at a time: the case row is held until this one is made.
  const [held] = await tx
    .select({ id: participant.id })
    .from(participant)
    .where(eq(participant.id, participantId))
    .for('update');
  if (!held) throw notFound('This participant');
  const seal = await sealFor(tx, keyring, viewer, participantId);
  const rows = await versionRows(tx, participantId);
  const existing = rows.find((row) => row.status === 'draft');
  if (existing) return { created: false, version: await openVersion(tx, seal, existing) };
  const agreed = rows.find((row) => row.status === 'agreed');
  const content = nextPlanDraft(agreed ? seal.openContent(agreed.id, agreed.contentEnc) : null, todayOf(now));
  const id = randomUUID();
  const [row] = await tx
    .insert(planVersion)
    .values({
      id,
      organizationId: viewer.organizationId,
      participantId,
      version: (rows[0]?.version ?? 0) + 1,
      status: 'draft',
      startsOn: content.startsOn,
      contentEnc: seal.content(id, content),
      revision: 1,
      basedOnVersion: agreed?.version ?? null,
      createdByUserId: viewer.userId,
      updatedByUserId: viewer.userId,
      updatedAt: now,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('the draft was not saved');
  await auditPlan(tx, viewer, participantId, 'plan.saved', 'draft_started');
  return { created: true, version: await openVersion(tx, seal, row) };
}

/** Only what the owner's kind uses is kept; a reason only for a dropped step. */
function tidy(input: DraftSave): PlanContent {
  return {
    startsOn: input.startsOn,
    goals: input.goals.map((goal) => ({
      id: goal.id,
      sphere: goal.sphere,
      text: goal.text,
      steps: goal.steps.map((step) => ({
        id: step.id,
        what: step.what,
        owner:
          step.owner.kind === 'staff'
            ? { kind: 'staff', userId: step.owner.userId ?? null }
            : step.owner.kind === 'partner'
              ? { kind: 'partner', partnerName: step.owner.partnerName ?? null }
              : { kind: 'herself' },
        targetOn: step.targetOn,
        status: step.status,
        ...(step.status === 'dropped' && { droppedReason: step.droppedReason ?? null }),
        supports: [...new Set(step.supports)],
      })),
    })),
  };
}

/**
 * A step done by a colleague names someone of her team. A step that keeps the colleague it named
 * in the version it was based on stays as agreed, even if that colleague has since left.
 */
async function checkOwners(tx: Tx, seal: PlanSeal, draft: VersionRow, content: PlanContent): Promise<void> {
  const team = new Set((await planTeam(tx, draft.participantId)).map((person) => person.id));
  const strangers: { field: string; stepId: string; userId: string }[] = [];
  content.goals.forEach((goal, g) => {
    goal.steps.forEach((step, s) => {
      const userId = step.owner.kind === 'staff' ? step.owner.userId : null;
      if (userId && !team.has(userId))
        strangers.push({ field: `goals.${g}.steps.${s}.owner.userId`, stepId: step.id, userId });
    });
  });
  if (strangers.length === 0) return;
  const kept = new Map<string, string>();
  if (draft.basedOnVersion !== null) {
    const [base] = await tx
      .select()
      .from(planVersion)
      .where(
        and(
          eq(planVersion.participantId, draft.participantId),
          eq(planVersion.version, draft.basedOnVersion),
        ),
      );
    for (const goal of base ? seal.openContent(base.id, base.contentEnc).goals : []) {
      for (const step of goal.steps)
        if (step.owner.kind === 'staff' && step.owner.userId) kept.set(step.id, step.owner.userId);
    }
  }
  const refused = strangers.filter((stranger) => kept.get(stranger.stepId) !== stranger.userId);
  if (refused.length === 0) return;
  const message = 'Choose someone on her case team, or her reference professional.';
  throw new AppError(
    'VALIDATION_FAILED',
    `Check the body: ${refused.map((r) => r.field).join(', ')} — ${message}`,
    refused.map((r) => ({ field: r.field, message })),
  );
}

export async function saveDraft(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  input: DraftSave,
  now = new Date(),
): Promise<TPlanVersion> {
  const draft = await lockedDraft(tx, participantId);
  if (draft.revision !== input.revision) throw await staleRevision(tx, draft);
  const seal = await sealFor(tx, keyring, viewer, participantId);
  const content = tidy(input);
  await checkOwners(tx, seal, draft, content);
  const [row] = await tx
    .update(planVersion)
    .set({
      contentEnc: seal.content(draft.id, content),
      startsOn: content.startsOn,
      revision: draft.revision + 1,
      updatedByUserId: viewer.userId,
      updatedAt: now,
    })
    .where(eq(planVersion.id, draft.id))
    .returning();
  if (!row) throw new Error('the draft was not saved');
  await auditPlan(tx, viewer, participantId, 'plan.saved', 'draft_saved');
  return presentVersion(row, content, null, await peopleOf(tx, [row.createdByUserId, row.updatedByUserId]));
}

export async function discardDraft(tx: Tx, viewer: Viewer, participantId: string): Promise<void> {
  const draft = await lockedDraft(tx, participantId);
  await tx.delete(planVersion).where(eq(planVersion.id, draft.id));
  await auditPlan(tx, viewer, participantId, 'plan.saved', 'draft_discarded');
}

export async function readVersion(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  version: number,
): Promise<TPlanVersion> {
  const [row] = await tx
    .select()
    .from(planVersion)
    .where(and(eq(planVersion.participantId, participantId), eq(planVersion.version, version)));
  if (!row) throw notFound('This version of her plan');
  const seal = await sealFor(tx, keyring, viewer, participantId);
  await auditPlan(tx, viewer, participantId, 'plan.read');
  return openVersion(tx, seal, row);
}
