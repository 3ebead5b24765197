/**
 * Her needs at a glance: the fourteen spheres in their fixed order, each opened only when this
 * viewer sees the sphere's own section in full, her ranking and the basic needs flagged on her
 * case that come from a sphere she may open. Reading writes one audit event, whatever the number
 * of spheres opened.
 */
import type { TNeedsOverview } from '@cope/contracts';
import { SPHERE_SECTION, SPHERES } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { erasedError } from '../intake/case-context.js';
import type { ItineraryCase } from '../itinerary/access.js';
import { needsRows, openNeeds } from './content.js';
import {
  basicNeedsOf,
  peopleOf,
  presentClosed,
  presentEmpty,
  presentSphere,
  prioritiesOf,
} from './presenters.js';

export async function readNeeds(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  itinerary: ItineraryCase,
): Promise<TNeedsOverview> {
  const { participantId } = itinerary;
  const [caseRow] = await tx
    .select({ priorities: participant.priorities, unmetBasicNeeds: participant.unmetBasicNeeds })
    .from(participant)
    .where(eq(participant.id, participantId));
  if (!caseRow) throw notFound('This participant');
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();

  const open = SPHERES.filter((sphere) => itinerary.full(SPHERE_SECTION[sphere]));
  const rows = open.length > 0 ? await needsRows(tx, participantId, open) : [];
  const bySphere = new Map(rows.map((row) => [row.sphere, row]));
  const people = await peopleOf(
    tx,
    rows.map((row) => row.updatedByUserId),
  );
  const spheres = SPHERES.map((sphere) => {
    if (!open.includes(sphere)) return presentClosed(sphere);
    const row = bySphere.get(sphere);
    return row ? presentSphere(sphere, row, openNeeds(keyring, dataKey, row), people) : presentEmpty(sphere);
  });

  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'needs.read',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'needs',
  });
  return {
    spheres,
    priorities: prioritiesOf(caseRow.priorities),
    unmetBasicNeeds: basicNeedsOf(caseRow.unmetBasicNeeds, itinerary.full),
    abilities: { edit: itinerary.may('itinerary.edit') },
  };
}
