import {
  ZParticipantDetail,
  ZParticipantList,
  ZParticipantListQuery,
  ZParticipantParams,
} from '@cope/contracts';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { authorize, recordDenial } from '../../policy/enforce.js';
import { attentionFilterFor, attentionFilterRefused } from './attention-filter.js';
import { participantEraseRoutes } from './erase.js';
import { participantIdentityRoutes } from './identity.js';
import { participantSearchRoutes } from './search.js';
import { detailForViewer, legalFilterReach, listForViewer } from './service.js';

const tags = ['participants'];

export async function participantRoutes({ app, db, keyring }: AppContext): Promise<void> {
  await participantSearchRoutes({ app, db, keyring });
  await participantEraseRoutes({ app, db, keyring });
  await participantIdentityRoutes({ app, db, keyring });
  app.get(
    '/api/participants',
    { schema: { tags, querystring: ZParticipantListQuery, response: { 200: ZParticipantList } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'participant.list', { resourceType: 'participant' });
      if (request.query.legalSituation && legalFilterReach(viewer) === 'none') {
        // Filtering by legal situation would tell her which women are in which legal situation.
        await recordDenial(db, viewer, 'participant.list', { resourceType: 'participant', section: 'legal' });
        throw forbidden();
      }
      const attention = request.query.attention ? attentionFilterFor(viewer, request.query.attention) : null;
      if (attention?.kind === 'refused') {
        // Filtering by a sphere she may not see would tell her how women were rated in it.
        await recordDenial(db, viewer, 'participant.list', {
          resourceType: 'participant',
          section: attention.section,
        });
        throw attentionFilterRefused(attention);
      }
      return db.run(viewer, (tx) => listForViewer(tx, keyring, viewer, request.query));
    },
  );

  app.get(
    '/api/participants/:participantId',
    { schema: { tags, params: ZParticipantParams, response: { 200: ZParticipantDetail } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      const detail = await db.run(viewer, (tx) => detailForViewer(tx, keyring, viewer, participantId));
      if (!detail) throw notFound('This participant');
      return detail;
    },
  );
}
