/**
 * Revealing her legal identity. Only those with full access to the identity section may; when
 * she is a protected witness, a second factor from the last five minutes is also required.
 * Every reveal is audited.
 */
import { ZParticipantIdentity, ZParticipantParams } from '@cope/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant } from '../../db/schema.js';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { requireStepUp } from '../../http/step-up.js';
import { authorize, recordDenial } from '../../policy/enforce.js';
import { needsStepUp } from '../../policy/index.js';
import { levelFor, sectionRestricted } from '../sections/service.js';
import { identityRef } from './records.js';

export async function participantIdentityRoutes({
  app,
  db,
  keyring,
}: Pick<AppContext, 'app' | 'db' | 'keyring'>): Promise<void> {
  app.get(
    '/api/participants/:participantId/identity',
    {
      schema: { tags: ['participants'], params: ZParticipantParams, response: { 200: ZParticipantIdentity } },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      const result = await db.run(viewer, async (tx) => {
        const access = await levelFor(tx, viewer, participantId, 'identity');
        if (!access) return { kind: 'missing' as const };
        if (access.level !== 'full') return { kind: 'denied' as const };
        const [row] = await tx.select().from(participant).where(eq(participant.id, participantId));
        if (!row) return { kind: 'missing' as const };
        if (needsStepUp('participant.reveal_identity', row)) requireStepUp(viewer);
        const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
        const open = (column: 'preferred_name' | 'legal_name' | 'birth_date', value: string | null) =>
          dataKey && value ? keyring.openWithKey(dataKey, identityRef(participantId, column), value) : null;
        await recordAudit(tx, {
          organizationId: viewer.organizationId,
          actorUserId: viewer.userId,
          action: 'participant.reveal_identity',
          resourceType: 'participant',
          resourceId: participantId,
          section: 'identity',
        });
        return {
          kind: 'ok' as const,
          identity: {
            preferredName: open('preferred_name', row.preferredNameEnc),
            legalName: open('legal_name', row.legalNameEnc),
            birthDate: open('birth_date', row.birthDateEnc),
            protectedWitness: row.isProtectedWitness,
          },
        };
      });
      if (result.kind === 'missing') throw notFound('This participant');
      if (result.kind === 'denied') {
        await recordDenial(db, viewer, 'participant.reveal_identity', {
          resourceType: 'participant',
          resourceId: participantId,
          section: 'identity',
        });
        throw sectionRestricted('identity');
      }
      return result.identity;
    },
  );
}
