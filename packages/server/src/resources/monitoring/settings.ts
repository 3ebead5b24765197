/**
 * The organization's itinerary settings: the months between two monitoring reviews (default
 * three, DOMAIN.md "Monitoring"). A change applies to rounds completed from then on: review
 * tasks already due stay as they are.
 */
import type { TItinerarySettings } from '@cope/contracts';
import { REVIEW_MONTHS_DEFAULT, REVIEW_MONTHS_MAX, REVIEW_MONTHS_MIN } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { organization } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import type { Viewer } from '../auth/sessions.js';

/** Stored settings with anything missing or out of bounds read as the default. */
export function itinerarySettingsOf(stored: unknown): TItinerarySettings {
  const months = (stored as { reviewMonths?: unknown } | null)?.reviewMonths;
  const valid =
    typeof months === 'number' &&
    Number.isInteger(months) &&
    months >= REVIEW_MONTHS_MIN &&
    months <= REVIEW_MONTHS_MAX;
  return { reviewMonths: valid ? months : REVIEW_MONTHS_DEFAULT };
}

export async function readItinerarySettings(tx: Tx, organizationId: string): Promise<TItinerarySettings> {
  const [row] = await tx
    .select({ stored: organization.itinerarySettings })
    .from(organization)
    .where(eq(organization.id, organizationId));
  return itinerarySettingsOf(row?.stored ?? null);
}

export async function saveItinerarySettings(
  tx: Tx,
  viewer: Viewer,
  settings: TItinerarySettings,
): Promise<TItinerarySettings> {
  const before = await readItinerarySettings(tx, viewer.organizationId);
  await tx
    .update(organization)
    .set({ itinerarySettings: { reviewMonths: settings.reviewMonths } })
    .where(eq(organization.id, viewer.organizationId));
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'itinerary.settings_changed',
    resourceType: 'organization',
    resourceId: viewer.organizationId,
    reason: `months between reviews: ${before.reviewMonths} → ${settings.reviewMonths}`,
  });
  return readItinerarySettings(tx, viewer.organizationId);
}
