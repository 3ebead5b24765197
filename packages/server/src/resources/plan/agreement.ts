/**
 * Her agreement to a draft of her plan (DOMAIN.md: "she agrees to it — signature or recorded
 * agreement"): the draft becomes the plan in force, the version it replaces is kept as
 * superseded, and how she agreed is sealed with her key (the drawn signature, or the witness).
 */
import type { TPlanVersion, ZPlanAgreement } from '@cope/contracts';
import { checkPlan, earliestCalendarDate, latestCalendarDate } from '@cope/domain';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { planVersion } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { fieldError } from '../intake/case-context.js';
import { auditPlan } from './audit.js';
import type { AgreementContent } from './content.js';
import { lockedDraft, openVersion, sealFor, staleRevision, todayOf } from './versions.js';

type Agreement = z.output<typeof ZPlanAgreement>;

export async function agreeDraft(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  input: Agreement,
  now = new Date(),
): Promise<TPlanVersion> {
  const draft = await lockedDraft(tx, participantId);
  if (draft.revision !== input.revision) throw await staleRevision(tx, draft);
  if (input.agreedOn > latestCalendarDate(now))
    throw fieldError('agreedOn', 'The date of her agreement cannot be in the future.');
  if (input.agreedOn < earliestCalendarDate(draft.createdAt)) {
    throw fieldError(
      'agreedOn',
      `She cannot have agreed to this draft before it was started (${todayOf(draft.createdAt)}): ` +
        'date her agreement on that day or later.',
    );
  }
  const seal = await sealFor(tx, keyring, viewer, participantId);
  const content = seal.openContent(draft.id, draft.contentEnc);
  if (content.goals.length === 0)
    throw fieldError(
      'goals',
      'Her plan has no goal yet. Write at least one goal with her before she agrees.',
    );
  const [problem] = checkPlan(content);
  if (problem)
    throw fieldError(problem.field, 'Correct this part of her plan and save it before she agrees.');

  const [inForce] = await tx
    .select({ version: planVersion.version, agreedOn: planVersion.agreedOn })
    .from(planVersion)
    .where(and(eq(planVersion.participantId, participantId), eq(planVersion.status, 'agreed')));
  if (inForce?.agreedOn && input.agreedOn < inForce.agreedOn) {
    throw fieldError(
      'agreedOn',
      `She agreed to version ${inForce.version} on ${inForce.agreedOn}; date this agreement on or after that day.`,
    );
  }
  await tx
    .update(planVersion)
    .set({ status: 'superseded' })
    .where(
      and(
        eq(planVersion.participantId, participantId),
        eq(planVersion.status, 'agreed'),
        ne(planVersion.id, draft.id),
      ),
    );
  const agreement: AgreementContent =
    input.method === 'signature'
      ? { signature: input.signature ?? null, witnessName: null, note: input.note }
      : { signature: null, witnessName: input.witnessName?.trim() ?? null, note: input.note };
  const [row] = await tx
    .update(planVersion)
    .set({
      status: 'agreed',
      agreementMethod: input.method,
      agreementEnc: seal.agreement(draft.id, agreement),
      agreedOn: input.agreedOn,
      agreementRecordedByUserId: viewer.userId,
      revision: draft.revision + 1,
      updatedByUserId: viewer.userId,
      updatedAt: now,
    })
    .where(eq(planVersion.id, draft.id))
    .returning();
  if (!row) throw new Error('the agreement was not saved');
  await auditPlan(tx, viewer, participantId, 'plan.agreed', input.method);
  return openVersion(tx, seal, row);
}
