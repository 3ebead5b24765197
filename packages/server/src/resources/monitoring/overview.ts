/**
 * Her monitoring at a glance: every round oldest first (a case has a handful, opened together
 * with her key), where her view and the professional's are two or more steps apart, when the next
 * review is due, and what this viewer may do. Reasons in spheres the viewer may not see in full
 * are left out; the steps stay.
 */
import type { TMonitoringOverview } from '@cope/contracts';
import { MONITORING_SCALE_VERSION, ratingGaps } from '@cope/domain';
import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { monitoringRound } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import { can } from '../../policy/index.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import type { ItineraryCase } from '../itinerary/access.js';
import { withheldSpheres } from './content.js';
import { openRound, presentRound, roundPeople } from './presenters.js';
import { nextReviewOn } from './review.js';
import { readItinerarySettings } from './settings.js';

export async function readMonitoring(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  itinerary: ItineraryCase,
): Promise<TMonitoringOverview> {
  const { participantId } = itinerary;
  const rows = await tx
    .select()
    .from(monitoringRound)
    .where(eq(monitoringRound.participantId, participantId))
    .orderBy(asc(monitoringRound.heldOn), asc(monitoringRound.createdAt));
  // Her key erased: the rounds' dates remain, nothing of what was rated can be read or added.
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  const opened = rows.map((row) => openRound(keyring, dataKey, row));
  const withheld = withheldSpheres(itinerary.full);
  const people = await roundPeople(tx, rows);

  // The gaps of her latest complete round only: when she chose not to rate herself in it, there
  // are none (an older round's gaps would speak of a situation that has moved on).
  const latest = opened.findLast((round) => round.row.status === 'complete');
  const gaps = latest?.professional && latest.self ? ratingGaps(latest.professional, latest.self) : [];
  const { reviewMonths } = await readItinerarySettings(tx, viewer.organizationId);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'monitoring.read',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'monitoring',
  });
  return {
    scaleVersion: MONITORING_SCALE_VERSION,
    rounds: opened.map((round) => presentRound(round, withheld, people)),
    gaps,
    gapsHeldOn: latest?.row.heldOn ?? null,
    nextReviewOn: await nextReviewOn(tx, participantId),
    reviewMonths,
    abilities: {
      rate: itinerary.may('itinerary.edit') && dataKey !== null,
      configure: can(viewer, 'itinerary.configure'),
    },
  };
}
