/** Her case's history: the timeline, and what happened with her information. */
import {
  ZParticipantParams,
  ZTimeline,
  ZTimelineQuery,
  ZTransparencyLog,
  ZTransparencyQuery,
} from '@cope/contracts';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { authorize } from '../../policy/enforce.js';
import { onCase } from '../case-team/case-scope.js';
import { readTransparency } from './log.js';
import { readTimeline } from './timeline.js';

const tags = ['case history'];

export async function caseHistoryRoutes({ app, db, keyring }: AppContext): Promise<void> {
  app.get(
    '/api/participants/:participantId/timeline',
    {
      schema: {
        tags,
        summary: 'Her case item by item, newest first, as far as you may see it',
        params: ZParticipantParams,
        querystring: ZTimelineQuery,
        response: { 200: ZTimeline },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      return onCase(db, viewer, participantId, null, (tx, facts) =>
        readTimeline(tx, keyring, viewer, facts, request.query),
      );
    },
  );

  app.get(
    '/api/participants/:participantId/transparency',
    {
      schema: {
        tags,
        summary: 'What happened with her information: who viewed, changed or shared what, by day',
        params: ZParticipantParams,
        querystring: ZTransparencyQuery,
        response: { 200: ZTransparencyLog },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'transparency.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      return onCase(
        db,
        viewer,
        participantId,
        { action: 'transparency.read', auditAs: 'transparency.read' },
        (tx) => readTransparency(tx, viewer, participantId, request.query),
      );
    },
  );
}
