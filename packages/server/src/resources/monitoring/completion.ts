/**
 * Completing a round: every sphere has the professional's step, and she gave her own rating or
 * chose not to. The spheres either view rates crisis or vulnerable become her case's spheres
 * needing attention (the case list filters on them); her open review task is done and the next
 * review falls due the organization's months after the round.
 */
import type { TRound } from '@cope/contracts';
import { attentionSpheres, SPHERES, unratedSpheres } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { participant } from '../../db/schema.js';
import { monitoringRound } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { fieldError } from '../intake/case-context.js';
import type { ItineraryCase } from '../itinerary/access.js';
import { openRatings } from './content.js';
import { scheduleNextReview } from './review.js';
import { dataKeyOf, lockRound, presentFor, recordMonitoringAudit } from './rounds.js';
import { readItinerarySettings } from './settings.js';

export async function completeRound(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  itinerary: ItineraryCase,
  roundId: string,
  now = new Date(),
): Promise<TRound> {
  const { participantId } = itinerary;
  const row = await lockRound(tx, participantId, roundId);
  if (row.status === 'complete') throw new AppError('CONFLICT', 'This round is already complete.');
  const dataKey = await dataKeyOf(tx, keyring, viewer, participantId);
  const professional = row.professionalEnc
    ? openRatings(keyring, dataKey, row.id, 'professional', row.professionalEnc)
    : {};
  const unrated = unratedSpheres(professional);
  const [first] = unrated;
  if (first) {
    const count =
      unrated.length === 1 ? 'One sphere is' : `${unrated.length} of ${SPHERES.length} spheres are`;
    throw fieldError(
      `ratings.${first}`,
      `${count} not rated yet. Rate every sphere before completing the round.`,
    );
  }
  if (!row.selfEnc && !row.selfDeclined) {
    throw fieldError(
      'self',
      'Her own rating is missing. Hand her the screen to rate herself, or record that she chose not to this time.',
    );
  }
  const self = row.selfEnc ? openRatings(keyring, dataKey, row.id, 'self', row.selfEnc) : {};

  const [saved] = await tx
    .update(monitoringRound)
    .set({ status: 'complete', completedAt: now, completedByUserId: viewer.userId, updatedAt: now })
    .where(eq(monitoringRound.id, row.id))
    .returning();
  if (!saved) throw notFound('This monitoring round');
  const [her] = await tx
    .update(participant)
    .set({ attentionSpheres: attentionSpheres(professional, self), updatedAt: now })
    .where(eq(participant.id, participantId))
    .returning({ referenceUserId: participant.referenceUserId });
  const { reviewMonths } = await readItinerarySettings(tx, viewer.organizationId);
  const dueOn = await scheduleNextReview(
    tx,
    {
      organizationId: viewer.organizationId,
      participantId,
      assigneeUserId: her?.referenceUserId ?? viewer.userId,
      roundId: row.id,
      heldOn: row.heldOn,
      reviewMonths,
      doneByUserId: viewer.userId,
    },
    now,
  );
  await recordMonitoringAudit(
    tx,
    viewer,
    participantId,
    'monitoring.completed',
    `held on ${row.heldOn}; next review due ${dueOn}`,
  );
  return presentFor(tx, keyring, dataKey, itinerary, saved);
}
