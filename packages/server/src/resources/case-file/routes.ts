/**
 * Her file as a whole: export (JSON and a readable PDF in her language, behind a fresh second
 * factor) and the retention holds that keep it from being erased.
 */
import {
  ZCaseFileExport,
  ZCaseFilePdfQuery,
  ZClearRetentionHoldRequest,
  ZParticipantParams,
  ZRetentionHold,
  ZRetentionHoldList,
  ZRetentionHoldParams,
  ZRetentionHoldRequest,
} from '@cope/contracts';
import type { FastifyReply } from 'fastify';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { requireStepUp } from '../../http/step-up.js';
import { authorize, recordDenial } from '../../policy/enforce.js';
import { can } from '../../policy/index.js';
import { caseFactsOrNotFound, fullSectionsOf, requireCaseAction } from './access.js';
import { buildCaseFile } from './export-data.js';
import { renderCaseFilePdf } from './export-pdf.js';
import { activeHoldsOfOrganization, clearHold, holdsOf, placeHold } from './holds.js';

const tags = ['case file'];

/** A download the browser saves and never keeps in a cache. */
function asAttachment(reply: FastifyReply, filename: string, contentType: string) {
  reply
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .type(contentType);
}

export async function caseFileRoutes({ app, db, keyring }: AppContext): Promise<void> {
  /** Export: the organization-level rule, her case (reference or coordinator), then step-up. */
  const mayExport = async (viewer: ReturnType<typeof requireViewer>, participantId: string) => {
    await authorize(db, viewer, 'participant.export', {
      resourceType: 'participant',
      resourceId: participantId,
    });
    await requireCaseAction(db, viewer, participantId, 'participant.export');
    requireStepUp(viewer);
  };

  app.get(
    '/api/participants/:participantId/export.json',
    {
      schema: {
        tags,
        summary: 'Her complete file as JSON (right of access and portability); needs a fresh second factor',
        params: ZParticipantParams,
        response: { 200: ZCaseFileExport },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await mayExport(viewer, participantId);
      const file = await db.run(viewer, async (tx) =>
        buildCaseFile(
          tx,
          keyring,
          viewer,
          participantId,
          'json',
          await fullSectionsOf(tx, viewer, participantId),
        ),
      );
      if (!file) throw notFound('This participant');
      asAttachment(reply, `case-file-${file.case.caseCode}.json`, 'application/json; charset=utf-8');
      return file;
    },
  );

  app.get(
    '/api/participants/:participantId/export.pdf',
    {
      schema: {
        tags,
        summary: 'Her complete file as a readable PDF in her language; needs a fresh second factor',
        params: ZParticipantParams,
        querystring: ZCaseFilePdfQuery,
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await mayExport(viewer, participantId);
      // Rendered inside the transaction: if the document cannot be made, no export is recorded.
      const made = await db.run(viewer, async (tx) => {
        const sections = await fullSectionsOf(tx, viewer, participantId);
        const file = await buildCaseFile(tx, keyring, viewer, participantId, 'pdf', sections);
        return file
          ? { caseCode: file.case.caseCode, pdf: await renderCaseFilePdf(file, request.query.language) }
          : null;
      });
      if (!made) throw notFound('This participant');
      asAttachment(reply, `case-file-${made.caseCode}-${request.query.language}.pdf`, 'application/pdf');
      return reply.send(made.pdf);
    },
  );

  app.get(
    '/api/participants/:participantId/retention-holds',
    {
      schema: {
        tags,
        summary: 'Retention holds on her file, active first',
        params: ZParticipantParams,
        response: { 200: ZRetentionHoldList },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      // Case workers see them on her case; administrators, who decide on them, too.
      if (!can(viewer, 'participant.read') && !can(viewer, 'retention.clear')) {
        await recordDenial(db, viewer, 'participant.read', {
          resourceType: 'participant',
          resourceId: participantId,
        });
        throw forbidden();
      }
      await caseFactsOrNotFound(db, viewer, participantId);
      return { items: await db.run(viewer, (tx) => holdsOf(tx, participantId)) };
    },
  );

  app.post(
    '/api/participants/:participantId/retention-holds',
    {
      schema: {
        tags,
        summary: 'Keep her file from being erased (reference professional or coordinator)',
        params: ZParticipantParams,
        body: ZRetentionHoldRequest,
        response: { 201: ZRetentionHold },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'retention.hold', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      await requireCaseAction(db, viewer, participantId, 'retention.hold');
      const hold = await db.run(viewer, (tx) => placeHold(tx, viewer, participantId, request.body));
      return reply.status(201).send(hold);
    },
  );

  app.post(
    '/api/participants/:participantId/retention-holds/:holdId/clear',
    {
      schema: {
        tags,
        summary: 'Clear a retention hold, with a reason (administrators); needs a fresh second factor',
        params: ZRetentionHoldParams,
        body: ZClearRetentionHoldRequest,
        response: { 200: ZRetentionHold },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, holdId } = request.params;
      await authorize(db, viewer, 'retention.clear', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      requireStepUp(viewer);
      return db.run(viewer, (tx) => clearHold(tx, viewer, participantId, holdId, request.body.reason));
    },
  );

  app.get(
    '/api/retention-holds',
    {
      schema: {
        tags,
        summary: 'Every active retention hold of the organization, for the administrators who clear them',
        response: { 200: ZRetentionHoldList },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'retention.clear', { resourceType: 'retention_hold' });
      return { items: await db.run(viewer, (tx) => activeHoldsOfOrganization(tx)) };
    },
  );
}
