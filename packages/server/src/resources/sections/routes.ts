import {
  ZBreakGlassRequest,
  ZCreateCaseNoteRequest,
  ZParticipantParams,
  ZSectionParams,
  ZSectionView,
} from '@cope/contracts';
import { z } from 'zod';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { authorize, recordDenial } from '../../policy/enforce.js';
import { addNote, breakGlass, levelFor, readSection, sectionRestricted } from './service.js';

const tags = ['sections'];

export async function sectionRoutes({ app, db, keyring }: AppContext): Promise<void> {
  app.get(
    '/api/participants/:participantId/sections/:section',
    { schema: { tags, params: ZSectionParams, response: { 200: ZSectionView } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, section } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      const found = await db.run(viewer, async (tx) => {
        const access = await levelFor(tx, viewer, participantId, section);
        if (!access || access.level === 'none') return access;
        return {
          ...access,
          view: await readSection(tx, keyring, viewer, participantId, section, access.level),
        };
      });
      if (!found) throw notFound('This participant');
      if (!('view' in found)) {
        await recordDenial(db, viewer, 'section.read', {
          resourceType: 'participant',
          resourceId: participantId,
          section,
        });
        throw sectionRestricted(section);
      }
      return found.view;
    },
  );

  app.post(
    '/api/participants/:participantId/sections/:section/notes',
    {
      schema: {
        tags,
        params: ZSectionParams,
        body: ZCreateCaseNoteRequest,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId, section } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      const result = await db.run(viewer, async (tx) => {
        const access = await levelFor(tx, viewer, participantId, section);
        if (access?.level !== 'full') return access;
        return {
          id: await addNote(
            tx,
            keyring,
            viewer,
            participantId,
            section,
            request.body.body,
            request.body.visibility,
          ),
        };
      });
      if (!result) throw notFound('This participant');
      if (!('id' in result)) {
        await recordDenial(db, viewer, 'section.write', {
          resourceType: 'participant',
          resourceId: participantId,
          section,
        });
        throw sectionRestricted(section);
      }
      reply.status(201);
      return { id: result.id };
    },
  );

  app.post(
    '/api/participants/:participantId/break-glass',
    {
      schema: {
        tags,
        params: ZParticipantParams,
        body: ZBreakGlassRequest,
        response: { 200: z.object({ section: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const { section, reason } = request.body;
      await authorize(db, viewer, 'section.break_glass', {
        resourceType: 'participant',
        resourceId: participantId,
        section,
      });
      const expiresAt = await db.run(viewer, async (tx) => {
        const access = await levelFor(tx, viewer, participantId, section);
        if (!access) return null;
        if (access.level === 'full') {
          throw new AppError('CONFLICT', 'You can already open this section; no emergency access is needed.');
        }
        return breakGlass(tx, viewer, participantId, section, reason, access.facts.referenceUserId);
      });
      if (!expiresAt) throw notFound('This participant');
      return { section, expiresAt: expiresAt.toISOString() };
    },
  );
}
