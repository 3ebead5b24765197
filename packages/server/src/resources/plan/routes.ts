/**
 * Her individual plan (integration itinerary): versions and her agreement, milestones, fixed
 * commitments with their conflicts, and the printable plan in her language. Every route runs
 * through `onItinerary` (section `plan`); writes also need `itinerary.edit` on her case.
 */
import {
  ZCommitment,
  ZCommitmentParams,
  ZCommitmentRequest,
  ZMilestone,
  ZMilestoneParams,
  ZMilestoneRequest,
  ZParticipantParams,
  ZPlanAgreement,
  ZPlanDraftSave,
  ZPlanOverview,
  ZPlanPdfQuery,
  ZPlanVersion,
  ZPlanVersionParams,
} from '@cope/contracts';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { type ItineraryRule, onItinerary } from '../itinerary/access.js';
import { agreeDraft } from './agreement.js';
import { removeCommitment, saveCommitment } from './commitments.js';
import { recordMilestone, removeMilestone } from './milestones.js';
import { readOverview } from './overview.js';
import { printPlan } from './print.js';
import { discardDraft, readVersion, saveDraft, startDraft } from './versions.js';

const tags = ['plan'];
const READ: ItineraryRule = { section: 'plan', edit: false, auditAs: 'plan.read' };
const PRINT: ItineraryRule = { section: 'plan', edit: false, auditAs: 'plan.printed' };
const EDIT: ItineraryRule = { section: 'plan', edit: true, auditAs: 'itinerary.edit' };
const path = '/api/participants/:participantId';

export async function planRoutes({ app, db, keyring }: AppContext): Promise<void> {
  app.get(
    `${path}/plan`,
    {
      schema: {
        tags,
        summary: 'Her plan in force, the draft, all versions, milestones, schedule and team',
        params: ZParticipantParams,
        response: { 200: ZPlanOverview },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      return onItinerary(db, viewer, request.params.participantId, READ, (tx, itinerary) =>
        readOverview(tx, keyring, viewer, itinerary),
      );
    },
  );

  app.post(
    `${path}/plan/draft`,
    {
      schema: {
        tags,
        summary: 'Start a new version from the plan in force (201), or open the draft already started (200)',
        params: ZParticipantParams,
        response: { 200: ZPlanVersion, 201: ZPlanVersion },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const started = await onItinerary(db, viewer, participantId, EDIT, (tx) =>
        startDraft(tx, keyring, viewer, participantId),
      );
      reply.status(started.created ? 201 : 200);
      return started.version;
    },
  );

  app.put(
    `${path}/plan/draft`,
    {
      schema: {
        tags,
        summary: 'Save the whole draft; a save made on an older revision is refused (409)',
        params: ZParticipantParams,
        body: ZPlanDraftSave,
        response: { 200: ZPlanVersion },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      return onItinerary(db, viewer, participantId, EDIT, (tx) =>
        saveDraft(tx, keyring, viewer, participantId, request.body),
      );
    },
  );

  app.delete(
    `${path}/plan/draft`,
    { schema: { tags, summary: 'Discard the draft', params: ZParticipantParams } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await onItinerary(db, viewer, participantId, EDIT, (tx) => discardDraft(tx, viewer, participantId));
      return reply.status(204).send();
    },
  );

  app.post(
    `${path}/plan/draft/agreement`,
    {
      schema: {
        tags,
        summary: 'Record her agreement: the draft becomes the plan in force, the previous one superseded',
        params: ZParticipantParams,
        body: ZPlanAgreement,
        response: { 200: ZPlanVersion },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      return onItinerary(db, viewer, participantId, EDIT, (tx) =>
        agreeDraft(tx, keyring, viewer, participantId, request.body),
      );
    },
  );

  app.get(
    `${path}/plan/versions/:version`,
    { schema: { tags, params: ZPlanVersionParams, response: { 200: ZPlanVersion } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, version } = request.params;
      return onItinerary(db, viewer, participantId, READ, (tx) =>
        readVersion(tx, keyring, viewer, participantId, version),
      );
    },
  );

  app.get(
    `${path}/plan/pdf`,
    {
      schema: {
        tags,
        summary:
          'Her plan printed in her language, without her name or case code (default: the plan in force)',
        params: ZParticipantParams,
        querystring: ZPlanPdfQuery,
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const { language } = request.query;
      // Rendered inside the transaction: if the document cannot be made, no printout is recorded.
      const printed = await onItinerary(db, viewer, participantId, PRINT, (tx) =>
        printPlan(tx, keyring, viewer, participantId, request.query),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="plan-v${printed.version}-${language}.pdf"`)
        .header('cache-control', 'no-store')
        .send(printed.pdf);
    },
  );

  app.post(
    `${path}/milestones`,
    {
      schema: {
        tags,
        summary: 'Record a small victory',
        params: ZParticipantParams,
        body: ZMilestoneRequest,
        response: { 201: ZMilestone },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const recorded = await onItinerary(db, viewer, participantId, EDIT, (tx) =>
        recordMilestone(tx, keyring, viewer, participantId, request.body),
      );
      reply.status(201);
      return recorded;
    },
  );

  app.delete(
    `${path}/milestones/:milestoneId`,
    { schema: { tags, summary: 'Remove a milestone recorded by mistake', params: ZMilestoneParams } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId, milestoneId } = request.params;
      await onItinerary(db, viewer, participantId, EDIT, (tx) =>
        removeMilestone(tx, viewer, participantId, milestoneId),
      );
      return reply.status(204).send();
    },
  );

  app.post(
    `${path}/commitments`,
    {
      schema: {
        tags,
        summary: 'Add a fixed commitment (once, or every week until a date)',
        params: ZParticipantParams,
        body: ZCommitmentRequest,
        response: { 201: ZCommitment },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const saved = await onItinerary(db, viewer, participantId, EDIT, (tx) =>
        saveCommitment(tx, keyring, viewer, participantId, request.body),
      );
      reply.status(201);
      return saved;
    },
  );

  app.delete(
    `${path}/commitments/:commitmentId`,
    { schema: { tags, summary: 'Remove a commitment', params: ZCommitmentParams } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId, commitmentId } = request.params;
      await onItinerary(db, viewer, participantId, EDIT, (tx) =>
        removeCommitment(tx, viewer, participantId, commitmentId),
      );
      return reply.status(204).send();
    },
  );
}
