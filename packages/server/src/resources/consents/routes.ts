/**
 * The consent register and section sharing. Every route: authenticate (closed by default) →
 * validate with the shared contracts → the policy (organization rule, then her case) → one
 * transaction doing the work and its audit → a presenter.
 */

import {
  CONSENT_SCAN_MAX_BYTES,
  ZConsent,
  ZConsentFormQuery,
  ZConsentList,
  ZConsentParams,
  ZExplainerList,
  ZParticipantParams,
  ZRecordConsentRequest,
  ZScanUploaded,
  ZSectionShare,
  ZShareList,
  ZShareParams,
  ZShareSectionRequest,
  ZWithdrawConsentRequest,
  ZWithdrawConsentResponse,
} from '@cope/contracts';
import fastifyMultipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../../audit/record.js';
import { organization, participant } from '../../db/schema.js';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { renderConsentForm } from './form.js';
import { type CaseGuard, onCase, todayIso } from './guard.js';
import { consentRequired } from './missing.js';
import { EXTENSIONS, fileProblem, readScan, storeScan } from './scan.js';
import { listConsents, listExplainers, recordConsentFor, withdrawConsentFor } from './service.js';
import { endShareFor, listShares, shareSectionFor } from './shares.js';

const tags = ['consents'];
const path = '/api/participants/:participantId';
const register: CaseGuard = { action: 'consent.record', refusal: 'record.read' };

export async function consentRoutes(ctx: AppContext): Promise<void> {
  const { app, db, keyring } = ctx;

  app.get(
    `${path}/consents`,
    { schema: { tags, params: ZParticipantParams, response: { 200: ZConsentList } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      return onCase(db, viewer, participantId, register, (tx) =>
        listConsents(tx, keyring, viewer, participantId, todayIso()),
      );
    },
  );

  app.get(
    `${path}/consents/explainers`,
    { schema: { tags, params: ZParticipantParams, response: { 200: ZExplainerList } } },
    async (request) => {
      const viewer = requireViewer(request);
      return onCase(db, viewer, request.params.participantId, register, (tx) => listExplainers(tx));
    },
  );

  app.post(
    `${path}/consents`,
    {
      schema: { tags, params: ZParticipantParams, body: ZRecordConsentRequest, response: { 201: ZConsent } },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const guard: CaseGuard = { action: 'consent.record', refusal: 'consent.recorded' };
      const created = await onCase(db, viewer, participantId, guard, (tx) =>
        recordConsentFor(tx, keyring, viewer, participantId, request.body, todayIso()),
      );
      reply.status(201);
      return created;
    },
  );

  app.post(
    `${path}/consents/:consentId/withdraw`,
    {
      schema: {
        tags,
        params: ZConsentParams,
        body: ZWithdrawConsentRequest,
        response: { 200: ZWithdrawConsentResponse },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, consentId } = request.params;
      const guard: CaseGuard = { action: 'consent.record', refusal: 'consent.withdrawn' };
      return onCase(db, viewer, participantId, guard, (tx, facts) =>
        withdrawConsentFor(tx, keyring, viewer, facts, consentId, request.body, todayIso()),
      );
    },
  );

  app.get(
    `${path}/consents/form.pdf`,
    { schema: { tags, params: ZParticipantParams, querystring: ZConsentFormQuery } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const query = request.query;
      const guard: CaseGuard = { action: 'consent.record', refusal: 'consent.form_printed' };
      const { caseCode, bytes } = await onCase(db, viewer, participantId, guard, async (tx) => {
        const [row] = await tx
          .select({ caseCode: participant.caseCode, organizationName: organization.name })
          .from(participant)
          .innerJoin(organization, eq(organization.id, participant.organizationId))
          .where(eq(participant.id, participantId));
        if (!row) throw new AppError('NOT_FOUND', 'This participant was not found.');
        await recordAudit(tx, {
          organizationId: viewer.organizationId,
          actorUserId: viewer.userId,
          action: 'consent.form_printed',
          resourceType: 'participant',
          resourceId: participantId,
        });
        const pdf = await renderConsentForm({
          language: query.language,
          caseCode: row.caseCode,
          organizationName: row.organizationName,
          purpose: query.purpose,
          recipient: query.recipient,
          categories: query.categories,
        });
        return { caseCode: row.caseCode, bytes: pdf };
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="consent-form-${caseCode}-${query.language}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );

  app.get(
    `${path}/consents/:consentId/scan`,
    { schema: { tags, params: ZConsentParams } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId, consentId } = request.params;
      const guard: CaseGuard = { action: 'consent.record', refusal: 'consent.scan_read' };
      const scan = await onCase(db, viewer, participantId, guard, (tx) =>
        readScan(tx, keyring, viewer, participantId, consentId),
      );
      return reply
        .type(scan.contentType)
        .header(
          'content-disposition',
          `attachment; filename="signed-consent.${EXTENSIONS[scan.contentType]}"`,
        )
        .header('cache-control', 'no-store')
        .send(scan.bytes);
    },
  );

  // Uploads are accepted on this one route only: multipart parsing lives in its own scope.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: CONSENT_SCAN_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    });
    scope
      .withTypeProvider<ZodTypeProvider>()
      .post(
        `${path}/consents/:consentId/scan`,
        { schema: { tags, params: ZConsentParams, response: { 201: ZScanUploaded } } },
        async (request, reply) => {
          const viewer = requireViewer(request);
          const { participantId, consentId } = request.params;
          const bytes = await readUpload(request);
          const guard: CaseGuard = { action: 'consent.record', refusal: 'consent.scan_uploaded' };
          const stored = await onCase(db, viewer, participantId, guard, (tx) =>
            storeScan(tx, keyring, viewer, participantId, consentId, bytes),
          );
          reply.status(201);
          return stored;
        },
      );
  });

  app.get(
    `${path}/shares`,
    { schema: { tags, params: ZParticipantParams, response: { 200: ZShareList } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      return onCase(db, viewer, participantId, register, (tx) =>
        listShares(tx, viewer, participantId, todayIso()),
      );
    },
  );

  app.post(
    `${path}/shares`,
    {
      schema: {
        tags,
        params: ZParticipantParams,
        body: ZShareSectionRequest,
        response: { 201: ZSectionShare },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const { section, emergencyReason } = request.body;
      const guard: CaseGuard = emergencyReason
        ? { action: 'consent.emergency_override', refusal: 'consent.emergency_override', section }
        : { action: 'section.share', refusal: 'section.share_refused', section };
      const outcome = await onCase(db, viewer, participantId, guard, (tx, facts) =>
        shareSectionFor(tx, viewer, facts, request.body, todayIso()),
      );
      if (outcome.kind === 'refused') throw consentRequired(outcome.missing);
      reply.status(201);
      return outcome.share;
    },
  );

  app.post(
    `${path}/shares/:shareId/end`,
    { schema: { tags, params: ZShareParams, response: { 200: ZSectionShare } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, shareId } = request.params;
      const guard: CaseGuard = { action: 'section.share', refusal: 'section.share_ended' };
      return onCase(db, viewer, participantId, guard, (tx) =>
        endShareFor(tx, viewer, participantId, shareId, todayIso()),
      );
    },
  );
}

/** The one file of a multipart upload, fully read within the size limit. */
async function readUpload(request: import('fastify').FastifyRequest): Promise<Buffer> {
  let file: Awaited<ReturnType<typeof request.file>>;
  try {
    file = await request.file();
  } catch {
    throw fileProblem('VALIDATION_FAILED', 'Send the scan as a file upload in the field "file".');
  }
  if (file?.fieldname !== 'file') {
    throw fileProblem('VALIDATION_FAILED', 'Send the scan as a file upload in the field "file".');
  }
  try {
    return await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw fileProblem('BODY_TOO_LARGE', 'The file is larger than 10 MB. Scan it at a lower resolution.');
    }
    throw error;
  }
}
