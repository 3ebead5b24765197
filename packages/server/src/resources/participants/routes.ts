import {
  ZParticipantList,
  ZParticipantListQuery,
  ZParticipantParams,
  ZParticipantSummary,
} from '@cope/contracts';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { authorize } from '../../policy/index.js';
import { presentParticipantSummary } from './presenter.js';
import { getParticipant, listParticipants } from './queries.js';

const tags = ['participants'];

export async function participantRoutes({ app, db }: AppContext): Promise<void> {
  app.get(
    '/api/participants',
    { schema: { tags, querystring: ZParticipantListQuery, response: { 200: ZParticipantList } } },
    async (request) => {
      const viewer = requireViewer(request);
      authorize(viewer, 'participant.list');
      const query = request.query;
      const { rows, total } = await db.run(viewer, (tx) =>
        listParticipants(tx, viewer.organizationId, query),
      );
      return {
        items: rows.map((row) => presentParticipantSummary(row, viewer)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },
  );

  app.get(
    '/api/participants/:participantId',
    { schema: { tags, params: ZParticipantParams, response: { 200: ZParticipantSummary } } },
    async (request) => {
      const viewer = requireViewer(request);
      authorize(viewer, 'participant.read');
      const row = await db.run(viewer, (tx) => getParticipant(tx, request.params.participantId));
      if (!row) throw notFound('This participant');
      return presentParticipantSummary(row, viewer);
    },
  );
}
