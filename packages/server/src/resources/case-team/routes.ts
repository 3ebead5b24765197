/** The case team: who works with her, adding and removing colleagues, handing the case over. */
import {
  ZAddTeamMemberRequest,
  ZCaseTeam,
  ZHandoverRequest,
  ZParticipantParams,
  ZStaffDirectory,
  ZTeamMemberParams,
} from '@cope/contracts';
import { z } from 'zod';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { caseRelation } from '../../policy/case-access.js';
import { authorize } from '../../policy/enforce.js';
import { caseCan } from '../../policy/index.js';
import { authorizeAs, onCase } from './case-scope.js';
import { addMember, handOver, readTeam, removeMember, staffDirectory } from './service.js';

const tags = ['case team'];
const ZDone = z.object({ done: z.literal(true) });
const MANAGE = { action: 'case.manage_team', auditAs: 'case.team_changed' } as const;

export async function caseTeamRoutes({ app, db, keyring }: AppContext): Promise<void> {
  app.get(
    '/api/participants/:participantId/team',
    { schema: { tags, params: ZParticipantParams, response: { 200: ZCaseTeam } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      const team = await onCase(db, viewer, participantId, null, (tx, facts) =>
        readTeam(
          tx,
          keyring,
          viewer,
          facts,
          caseCan(viewer, 'case.manage_team', caseRelation(viewer, facts)),
        ),
      );
      if (!team) throw notFound('This participant');
      return team;
    },
  );

  app.post(
    '/api/participants/:participantId/team/members',
    {
      schema: { tags, params: ZParticipantParams, body: ZAddTeamMemberRequest, response: { 201: ZDone } },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorizeAs(db, viewer, 'case.manage_team', 'case.team_changed', participantId);
      await onCase(db, viewer, participantId, MANAGE, (tx) =>
        addMember(tx, viewer, participantId, request.body.userId),
      );
      reply.status(201);
      return { done: true as const };
    },
  );

  app.delete(
    '/api/participants/:participantId/team/members/:userId',
    { schema: { tags, params: ZTeamMemberParams, response: { 200: ZDone } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, userId } = request.params;
      await authorizeAs(db, viewer, 'case.manage_team', 'case.team_changed', participantId);
      const removed = await onCase(db, viewer, participantId, MANAGE, (tx, facts) =>
        removeMember(tx, viewer, facts, userId),
      );
      if (!removed) throw notFound('This team member');
      return { done: true as const };
    },
  );

  app.post(
    '/api/participants/:participantId/team/handover',
    {
      schema: {
        tags,
        summary: 'Hand her case over to a new reference professional, with a note',
        params: ZParticipantParams,
        body: ZHandoverRequest,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorizeAs(db, viewer, 'case.manage_team', 'case.handover', participantId);
      const { toUserId, note } = request.body;
      const done = await onCase(
        db,
        viewer,
        participantId,
        { action: 'case.manage_team', auditAs: 'case.handover' },
        (tx) => handOver(tx, keyring, viewer, participantId, toUserId, note),
      );
      if (!done) throw notFound('This participant');
      reply.status(201);
      return done;
    },
  );

  app.get(
    '/api/staff/directory',
    {
      schema: {
        tags,
        summary: 'Colleagues who work on cases (names and roles only), for choosing a team',
        response: { 200: ZStaffDirectory },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'participant.list', { resourceType: 'staff_directory' });
      return { items: await db.run(viewer, (tx) => staffDirectory(tx)) };
    },
  );
}
