/**
 * Who may see and record her places. Places belong to her safety section, so every use needs
 * full access to it; the address itself is identity data, so seeing it — and recording a place,
 * which means typing it — also needs full access to her identity. A case of another organization
 * answers 404; a refusal is audited, then answers 403.
 */
import type { TenantDb, Tx } from '../../db/tenant.js';
import { forbidden, notFound } from '../../http/errors.js';
import { caseRelation, loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import { recordDenial } from '../../policy/enforce.js';
import { caseCan } from '../../policy/index.js';
import type { Viewer } from '../auth/sessions.js';

export interface PlaceAccess {
  /** She sees addresses and points. */
  addressesVisible: boolean;
  /** She may record and end places. */
  canRecord: boolean;
}

const AUDIT_AS = { read: 'place.read', record: 'place.record' } as const;

export async function onPlaces<T>(
  db: TenantDb,
  viewer: Viewer,
  participantId: string,
  need: 'read' | 'record',
  work: (tx: Tx, access: PlaceAccess) => Promise<T>,
): Promise<T> {
  const result = await db.run(viewer, async (tx) => {
    const facts = (await loadCaseFacts(tx, viewer, [participantId])).get(participantId);
    if (!facts) return { kind: 'missing' as const };
    const level = (section: 'safety' | 'identity') =>
      sectionLevel(viewer, viewer.sectionMatrix, facts, section);
    if (level('safety') !== 'full') return { kind: 'denied' as const };
    const addressesVisible = level('identity') === 'full';
    const canRecord = addressesVisible && caseCan(viewer, 'place.record', caseRelation(viewer, facts));
    if (need === 'record' && !canRecord) return { kind: 'denied' as const };
    return { kind: 'ok' as const, value: await work(tx, { addressesVisible, canRecord }) };
  });
  if (result.kind === 'missing') throw notFound('This participant');
  if (result.kind === 'denied') {
    await recordDenial(db, viewer, AUDIT_AS[need], {
      resourceType: 'participant',
      resourceId: participantId,
      section: 'safety',
    });
    throw forbidden();
  }
  return result.value;
}
