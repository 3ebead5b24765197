/**
 * Her own rating of a round (DOMAIN.md "Monitoring"): given once and kept exactly as she gave it;
 * nothing the professional saves, and not completing the round, ever touches it. The screen she
 * rates herself on reads and receives only where her rating stands (ZSelfRatingStatus), never the
 * round: the professional's ratings and reasons stay off the device she holds.
 */
import type { TSelfRatingStatus, ZSelfRatingSave } from '@cope/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { monitoringRound } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import type { ItineraryCase } from '../itinerary/access.js';
import { normaliseRatings, sealRatings } from './content.js';
import { presentSelfStatus } from './presenters.js';
import { completeConflict, dataKeyOf, lockRound, recordMonitoringAudit } from './rounds.js';

type SelfInput = z.output<typeof ZSelfRatingSave>;

/**
 * Where her rating of this round stands. Not audited as a reading: nothing she rated is opened or
 * sent, only whether and when it was given (a refused request is still recorded by onItinerary).
 */
export async function readSelfStatus(
  tx: Tx,
  itinerary: ItineraryCase,
  roundId: string,
): Promise<TSelfRatingStatus> {
  const [row] = await tx
    .select()
    .from(monitoringRound)
    .where(and(eq(monitoringRound.id, roundId), eq(monitoringRound.participantId, itinerary.participantId)));
  if (!row) throw notFound('This monitoring round');
  return presentSelfStatus(row);
}

/** Her own rating, or her choice not to rate this round: given once, never changed. */
export async function saveSelf(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  itinerary: ItineraryCase,
  roundId: string,
  input: SelfInput,
  now = new Date(),
): Promise<TSelfRatingStatus> {
  const { participantId } = itinerary;
  const row = await lockRound(tx, participantId, roundId);
  if (row.selfEnc || row.selfDeclined) {
    throw new AppError('CONFLICT', 'Her own rating is kept as she gave it.');
  }
  if (row.status === 'complete') throw completeConflict();
  const dataKey = await dataKeyOf(tx, keyring, viewer, participantId);
  // Her choice not to rate is kept on its own: any steps sent with it are not hers to keep.
  const ratings = input.declined ? null : normaliseRatings(input.ratings);
  const [saved] = await tx
    .update(monitoringRound)
    .set({
      selfEnc: ratings ? sealRatings(keyring, dataKey, row.id, 'self', ratings) : null,
      selfDeclined: input.declined,
      selfLanguage: input.language,
      selfRecordedAt: now,
      selfRecordedByUserId: viewer.userId,
      updatedAt: now,
    })
    .where(eq(monitoringRound.id, row.id))
    .returning();
  if (!saved) throw notFound('This monitoring round');
  await recordMonitoringAudit(
    tx,
    viewer,
    participantId,
    'monitoring.self_rated',
    input.declined ? `she chose not to rate (${input.language})` : `rated in ${input.language}`,
  );
  return presentSelfStatus(saved);
}
