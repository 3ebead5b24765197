/**
 * What her needs assessment keeps sealed with her data key, one row per sphere: her situation's
 * structured fields, the note about it, the needs she expresses in her own words and the needs
 * the professional identifies. Only the sphere code, the version and who saved when stay in clear.
 */
import type { Situation, Sphere } from '@cope/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { needsAssessment } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';

export interface NeedsContent {
  situation: Situation;
  situationNote: string;
  herWords: string;
  professionalNeeds: string;
}

export type NeedsRow = typeof needsAssessment.$inferSelect;

const contentRef = (rowId: string) => ({ table: 'needs_assessment', column: 'content', recordId: rowId });

export function sealNeeds(keyring: Keyring, dataKey: Buffer, rowId: string, content: NeedsContent): string {
  return keyring.sealWithKey(dataKey, contentRef(rowId), JSON.stringify(content));
}

export function openNeeds(keyring: Keyring, dataKey: Buffer, row: NeedsRow): NeedsContent {
  const stored = JSON.parse(keyring.openWithKey(dataKey, contentRef(row.id), row.contentEnc)) as
    | Partial<NeedsContent>
    | undefined;
  return {
    situation: stored?.situation ?? {},
    situationNote: stored?.situationNote ?? '',
    herWords: stored?.herWords ?? '',
    professionalNeeds: stored?.professionalNeeds ?? '',
  };
}

/** Her needs rows, all spheres or only those named. */
export async function needsRows(
  tx: Tx,
  participantId: string,
  spheres?: readonly Sphere[],
): Promise<NeedsRow[]> {
  const mine = eq(needsAssessment.participantId, participantId);
  return tx
    .select()
    .from(needsAssessment)
    .where(spheres ? and(mine, inArray(needsAssessment.sphere, [...spheres])) : mine);
}
