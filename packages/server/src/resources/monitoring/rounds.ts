/**
 * A monitoring round from start to both ratings (DOMAIN.md "Monitoring"). One draft at a time per
 * case, dated no later than today and not before her latest complete round. The professional's
 * ratings are a draft saved as she works, the whole map at a time, guarded by a revision so two
 * colleagues never overwrite each other unseen. Her own rating is in self-rating.ts.
 */
import { randomUUID } from 'node:crypto';
import type { TRound, ZProfessionalRatingSave, ZRoundStart } from '@cope/contracts';
import { latestCalendarDate, MONITORING_SCALE_VERSION, type Ratings, SPHERES } from '@cope/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../audit/record.js';
import { participant } from '../../db/schema.js';
import { monitoringRound } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { erasedError, fieldError } from '../intake/case-context.js';
import type { ItineraryCase } from '../itinerary/access.js';
import { normaliseRatings, openRatings, sealRatings, withheldSpheres } from './content.js';
import { openRound, presentRound, type RoundRow, roundPeople } from './presenters.js';

type StartInput = z.output<typeof ZRoundStart>;
type ProfessionalInput = z.output<typeof ZProfessionalRatingSave>;

export async function dataKeyOf(tx: Tx, keyring: Keyring, viewer: Viewer, participantId: string) {
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();
  return dataKey;
}

/** One round of hers, held for the rest of the transaction. */
export async function lockRound(tx: Tx, participantId: string, roundId: string): Promise<RoundRow> {
  const [row] = await tx
    .select()
    .from(monitoringRound)
    .where(and(eq(monitoringRound.id, roundId), eq(monitoringRound.participantId, participantId)))
    .for('update');
  if (!row) throw notFound('This monitoring round');
  return row;
}

/** The round as this viewer may read it (reasons of spheres she may not see left out). */
export async function presentFor(
  tx: Tx,
  keyring: Keyring,
  dataKey: Buffer,
  itinerary: ItineraryCase,
  row: RoundRow,
): Promise<TRound> {
  return presentRound(
    openRound(keyring, dataKey, row),
    withheldSpheres(itinerary.full),
    await roundPeople(tx, [row]),
  );
}

/** A monitoring event in her case's audit trail: codes, dates and counts only, never a rating. */
export const recordMonitoringAudit = (
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  action: 'monitoring.rated' | 'monitoring.self_rated' | 'monitoring.completed',
  reason: string,
) =>
  recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action,
    resourceType: 'participant',
    resourceId: participantId,
    section: 'monitoring',
    reason,
  });

/** Starts a round, or hands back the draft already open (`created` false). */
export async function startRound(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  itinerary: ItineraryCase,
  input: StartInput,
): Promise<{ created: boolean; round: TRound }> {
  const { participantId } = itinerary;
  // One draft at a time: her case row is held while we look for one and add it.
  const [held] = await tx
    .select({ id: participant.id })
    .from(participant)
    .where(eq(participant.id, participantId))
    .for('update');
  if (!held) throw notFound('This participant');
  const dataKey = await dataKeyOf(tx, keyring, viewer, participantId);
  const rounds = await tx
    .select()
    .from(monitoringRound)
    .where(eq(monitoringRound.participantId, participantId))
    .orderBy(desc(monitoringRound.heldOn), desc(monitoringRound.createdAt));
  const draft = rounds.find((row) => row.status === 'draft');
  if (draft) return { created: false, round: await presentFor(tx, keyring, dataKey, itinerary, draft) };

  if (input.heldOn > latestCalendarDate(new Date())) {
    throw fieldError('heldOn', 'The date of the round cannot be in the future.');
  }
  const latest = rounds.find((row) => row.status === 'complete');
  if (latest && input.heldOn < latest.heldOn) {
    throw fieldError(
      'heldOn',
      `Her latest complete round was held on ${latest.heldOn}. Date this one on or after that day.`,
    );
  }
  const [row] = await tx
    .insert(monitoringRound)
    .values({
      id: randomUUID(),
      organizationId: viewer.organizationId,
      participantId,
      heldOn: input.heldOn,
      scaleVersion: MONITORING_SCALE_VERSION,
      status: 'draft',
      revision: 1,
      createdByUserId: viewer.userId,
    })
    .returning();
  if (!row) throw new Error('the monitoring round was not saved');
  await recordMonitoringAudit(
    tx,
    viewer,
    participantId,
    'monitoring.rated',
    `round started, held on ${input.heldOn}`,
  );
  return { created: true, round: await presentFor(tx, keyring, dataKey, itinerary, row) };
}

export const completeConflict = () =>
  new AppError(
    'CONFLICT',
    'This round is complete: its ratings are kept as they were given. Start a new round to rate again.',
  );

async function staleRevision(tx: Tx, row: RoundRow): Promise<AppError> {
  const people = await roundPeople(tx, [row]);
  const savedBy = row.professionalByUserId ? people(row.professionalByUserId).displayName : null;
  return new AppError(
    'CONFLICT',
    `${savedBy ?? 'Someone'} saved these ratings while you were rating (revision ${row.revision}). ` +
      'Nothing was overwritten: reload the round, compare, then rate again.',
    { revision: row.revision, savedBy, savedAt: row.updatedAt.toISOString() },
  );
}

/**
 * The professional's draft: the whole map replaces the previous one. A sphere whose section the
 * viewer may not see in full keeps the reason already written (she never read it, so she cannot
 * be clearing it), and she cannot write one there.
 */
export async function saveProfessional(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  itinerary: ItineraryCase,
  roundId: string,
  input: ProfessionalInput,
  now = new Date(),
): Promise<TRound> {
  const { participantId } = itinerary;
  const row = await lockRound(tx, participantId, roundId);
  if (row.status === 'complete') throw completeConflict();
  if (row.revision !== input.revision) throw await staleRevision(tx, row);
  const dataKey = await dataKeyOf(tx, keyring, viewer, participantId);

  const withheld = withheldSpheres(itinerary.full);
  const next = normaliseRatings(input.ratings);
  const previous: Ratings = row.professionalEnc
    ? openRatings(keyring, dataKey, row.id, 'professional', row.professionalEnc)
    : {};
  for (const sphere of SPHERES) {
    if (!withheld.has(sphere)) continue;
    const rating = next[sphere];
    if (rating?.reason) {
      throw fieldError(
        `ratings.${sphere}.reason`,
        'The reasons in this sphere are kept for those who see that part of her file. Rate the step and leave the reason empty.',
      );
    }
    const kept = previous[sphere]?.reason ?? null;
    if (rating) rating.reason = kept;
    else if (kept) next[sphere] = { step: null, reason: kept };
  }

  const [saved] = await tx
    .update(monitoringRound)
    .set({
      professionalEnc: sealRatings(keyring, dataKey, row.id, 'professional', next),
      professionalByUserId: viewer.userId,
      revision: row.revision + 1,
      updatedAt: now,
    })
    .where(eq(monitoringRound.id, row.id))
    .returning();
  if (!saved) throw notFound('This monitoring round');
  const rated = SPHERES.filter((sphere) => next[sphere]?.step).length;
  await recordMonitoringAudit(
    tx,
    viewer,
    participantId,
    'monitoring.rated',
    `revision ${saved.revision}, ${rated} of 14 rated`,
  );
  return presentFor(tx, keyring, dataKey, itinerary, saved);
}
