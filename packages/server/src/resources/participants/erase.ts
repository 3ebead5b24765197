/**
 * Erasure by crypto-shredding: her data key is destroyed, so everything sealed with it (names,
 * birth date, notes, section records, handover and withdrawal notes, signed scans) can never be
 * opened again. Her sealed identity columns, section records, scans and blind indexes are deleted
 * too. The case row (pseudonymous case code, status), her consent and team history as dates and
 * codes, and the audit trail stay. An active retention hold refuses erasure until an
 * administrator clears it.
 */
import {
  type TParticipantErasure,
  ZEraseParticipantRequest,
  ZParticipantErasure,
  ZParticipantParams,
} from '@cope/contracts';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant, participantKey } from '../../db/schema.js';
import { attachment, caseRecord, participantLookup } from '../../db/schema-case.js';
import { casePlace } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { requireStepUp } from '../../http/step-up.js';
import { authorize } from '../../policy/enforce.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { refuseErasureWhileHeld } from '../case-file/holds.js';

interface ErasedCase {
  id: string;
  caseCode: string;
  status: TParticipantErasure['status'];
  erasedAt: Date;
}

export async function eraseParticipant(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  reason: string,
): Promise<ErasedCase | null> {
  const [row] = await tx
    .select({ id: participant.id, caseCode: participant.caseCode, status: participant.status })
    .from(participant)
    .where(eq(participant.id, participantId))
    .limit(1)
    // Two erasures of the same case at once: the second waits and then sees the first.
    .for('update');
  if (!row) return null;
  const [key] = await tx
    .select({ destroyedAt: participantKey.destroyedAt })
    .from(participantKey)
    .where(eq(participantKey.participantId, participantId));
  if (key?.destroyedAt) {
    throw new AppError('CONFLICT', "This participant's identifying data has already been erased.");
  }
  await refuseErasureWhileHeld(tx, participantId);
  const erasedAt = new Date();
  await keyring.destroyParticipantKey(tx, participantId);
  // Rows that exist only to hold or find her sealed data go entirely.
  await tx.delete(caseRecord).where(eq(caseRecord.participantId, participantId));
  await tx.delete(attachment).where(eq(attachment.participantId, participantId));
  await tx.delete(participantLookup).where(eq(participantLookup.participantId, participantId));
  await tx.delete(casePlace).where(eq(casePlace.participantId, participantId));
  // The ciphertexts are unreadable without the key; clearing them too leaves nothing to attack.
  await tx
    .update(participant)
    .set({
      preferredNameEnc: null,
      legalNameEnc: null,
      birthDateEnc: null,
      nameIndex: sql`'{}'::text[]`,
      updatedAt: erasedAt,
    })
    .where(eq(participant.id, participantId));
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.erase',
    resourceType: 'participant',
    resourceId: participantId,
    reason,
  });
  return { ...row, erasedAt };
}

export function presentErasure(erased: ErasedCase): TParticipantErasure {
  return {
    id: erased.id,
    caseCode: erased.caseCode,
    status: erased.status,
    erasedAt: erased.erasedAt.toISOString(),
  };
}

export async function participantEraseRoutes({
  app,
  db,
  keyring,
}: Pick<AppContext, 'app' | 'db' | 'keyring'>): Promise<void> {
  app.post(
    '/api/participants/:participantId/erase',
    {
      schema: {
        tags: ['participants'],
        summary:
          'Erase her identifying data (crypto-shredding); needs a fresh second factor and no active retention hold',
        params: ZParticipantParams,
        body: ZEraseParticipantRequest,
        response: { 200: ZParticipantErasure },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'participant.erase', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      // Said before the second factor is asked for: a code typed in vain is a poor answer.
      await db.run(viewer, (tx) => refuseErasureWhileHeld(tx, participantId));
      requireStepUp(viewer);
      const erased = await db.run(viewer, (tx) =>
        eraseParticipant(tx, keyring, viewer, participantId, request.body.reason),
      );
      if (!erased) throw notFound('This participant');
      return presentErasure(erased);
    },
  );
}
