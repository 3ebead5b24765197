/** Her risk assessments, the level in force, the risk management plan and reported changes. */
import {
  ZAssessmentParams,
  ZLoweringDecision,
  ZMeasure,
  ZMeasureList,
  ZMeasureParams,
  ZMeasureRequest,
  ZMeasureUpdate,
  ZParticipantParams,
  ZRiskAssessment,
  ZRiskAssessmentRequest,
  ZRiskAssessmentSummary,
  ZRiskEventRequest,
  ZRiskOverview,
  ZRiskStatus,
} from '@cope/contracts';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { onSafety, type SafetyRule } from './access.js';
import { readAssessment, recordAssessment } from './assessments.js';
import { decideLowering } from './lowering.js';
import { createMeasure, listMeasures, updateMeasure } from './measures.js';
import { readOverview, reportChange } from './overview.js';

const tags = ['risk'];
const READ: SafetyRule = { action: null, auditAs: 'risk.read' };
const ASSESS: SafetyRule = { action: 'risk.assess', auditAs: 'risk.assess' };
const DECIDE: SafetyRule = { action: 'risk.confirm_lowering', auditAs: 'risk.confirm_lowering' };

export async function riskRoutes({ app, db, keyring }: AppContext): Promise<void> {
  app.get(
    '/api/participants/:participantId/risk',
    {
      schema: {
        tags,
        summary: 'Her level in force, what made it out of date, her assessments, and what you may do',
        params: ZParticipantParams,
        response: { 200: ZRiskOverview },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      return onSafety(db, viewer, request.params.participantId, READ, (tx, safety) =>
        readOverview(tx, keyring, viewer, safety),
      );
    },
  );

  app.post(
    '/api/participants/:participantId/risk/assessments',
    {
      schema: {
        tags,
        summary: 'Record an assessment; the server scores it with the rules in force',
        params: ZParticipantParams,
        body: ZRiskAssessmentRequest,
        response: { 201: ZRiskAssessmentSummary },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const saved = await onSafety(db, viewer, request.params.participantId, ASSESS, (tx, safety) =>
        recordAssessment(tx, keyring, viewer, safety, request.body),
      );
      reply.status(201);
      return saved;
    },
  );

  app.get(
    '/api/participants/:participantId/risk/assessments/:assessmentId',
    { schema: { tags, params: ZAssessmentParams, response: { 200: ZRiskAssessment } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, assessmentId } = request.params;
      return onSafety(db, viewer, participantId, READ, (tx) =>
        readAssessment(tx, keyring, viewer, participantId, assessmentId),
      );
    },
  );

  app.post(
    '/api/participants/:participantId/risk/assessments/:assessmentId/decision',
    {
      schema: {
        tags,
        summary: 'A coordinator confirms a lowering or keeps the level, with a reason',
        params: ZAssessmentParams,
        body: ZLoweringDecision,
        response: { 200: ZRiskAssessmentSummary },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, assessmentId } = request.params;
      return onSafety(db, viewer, participantId, DECIDE, (tx) =>
        decideLowering(tx, keyring, viewer, participantId, assessmentId, request.body),
      );
    },
  );

  app.get(
    '/api/participants/:participantId/risk/measures',
    { schema: { tags, params: ZParticipantParams, response: { 200: ZMeasureList } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const items = await onSafety(db, viewer, participantId, READ, (tx) =>
        listMeasures(tx, keyring, viewer, participantId),
      );
      return { items };
    },
  );

  app.post(
    '/api/participants/:participantId/risk/measures',
    {
      schema: {
        tags,
        params: ZParticipantParams,
        body: ZMeasureRequest,
        response: { 201: ZMeasure },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const measure = await onSafety(db, viewer, participantId, ASSESS, (tx) =>
        createMeasure(tx, keyring, viewer, participantId, request.body),
      );
      reply.status(201);
      return measure;
    },
  );

  app.patch(
    '/api/participants/:participantId/risk/measures/:measureId',
    { schema: { tags, params: ZMeasureParams, body: ZMeasureUpdate, response: { 200: ZMeasure } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, measureId } = request.params;
      return onSafety(db, viewer, participantId, ASSESS, (tx) =>
        updateMeasure(tx, keyring, viewer, participantId, measureId, request.body),
      );
    },
  );

  app.post(
    '/api/participants/:participantId/risk/events',
    {
      schema: {
        tags,
        summary: 'Report a change that makes her assessment out of date',
        params: ZParticipantParams,
        body: ZRiskEventRequest,
        response: { 200: ZRiskStatus },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      return onSafety(db, viewer, participantId, ASSESS, (tx) =>
        reportChange(tx, keyring, viewer, participantId, request.body.kind),
      );
    },
  );
}
