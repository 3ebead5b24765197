/**
 * A place's address and coordinates, sealed with her data key: an address says where she can be
 * found, so nothing of it is ever stored, logged or audited in clear.
 */
import type { LngLat } from '@cope/domain';
import { safetySettingsOf } from '@cope/domain';
import { eq, sql } from 'drizzle-orm';
import { organization } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';

export interface PlaceContent {
  label: string;
  lng: number;
  lat: number;
}

const placeRef = (placeId: string) => ({ table: 'case_place', column: 'place', recordId: placeId });

export function sealPlace(keyring: Keyring, dataKey: Buffer, placeId: string, content: PlaceContent): string {
  return keyring.sealWithKey(dataKey, placeRef(placeId), JSON.stringify(content));
}

export function openPlace(keyring: Keyring, dataKey: Buffer, placeId: string, stored: string): PlaceContent {
  return JSON.parse(keyring.openWithKey(dataKey, placeRef(placeId), stored)) as PlaceContent;
}

export const pointOf = (content: PlaceContent): LngLat => [content.lng, content.lat];

/**
 * Serialises, per organization, the writes that compare places with areas (recording a place,
 * drawing or changing an area), so a place recorded while an area is being drawn is never
 * compared with the old set of areas only.
 */
export async function lockRiskAreas(tx: Tx, organizationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`risk-areas:${organizationId}`}, 0))`);
}

/** How close to an area an address must be to be flagged, from the organization's settings. */
export async function nearAreaMetersOf(tx: Tx, organizationId: string): Promise<number> {
  const [row] = await tx
    .select({ settings: organization.safetySettings })
    .from(organization)
    .where(eq(organization.id, organizationId));
  return safetySettingsOf(row?.settings as Parameters<typeof safetySettingsOf>[0]).nearAreaMeters;
}
