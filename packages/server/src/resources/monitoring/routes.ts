/**
 * Her monitoring (integration itinerary): rounds with the professional's rating and her own, and
 * the organization's months between reviews. Every case route runs through `onItinerary`
 * (section `monitoring`; writes also need `itinerary.edit`).
 */
import {
  ZItinerarySettings,
  ZMonitoringOverview,
  ZParticipantParams,
  ZProfessionalRatingSave,
  ZRound,
  ZRoundParams,
  ZRoundStart,
  ZSelfRatingSave,
  ZSelfRatingStatus,
} from '@cope/contracts';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { authorize, recordDenial } from '../../policy/enforce.js';
import { can } from '../../policy/index.js';
import { type ItineraryRule, onItinerary } from '../itinerary/access.js';
import { completeRound } from './completion.js';
import { readMonitoring } from './overview.js';
import { saveProfessional, startRound } from './rounds.js';
import { readSelfStatus, saveSelf } from './self-rating.js';
import { readItinerarySettings, saveItinerarySettings } from './settings.js';

const tags = ['monitoring'];
const READ: ItineraryRule = { section: 'monitoring', edit: false, auditAs: 'monitoring.read' };
const RATE: ItineraryRule = { section: 'monitoring', edit: true, auditAs: 'itinerary.edit' };

export async function monitoringRoutes({ app, db, keyring }: AppContext): Promise<void> {
  app.get(
    '/api/participants/:participantId/monitoring',
    {
      schema: {
        tags,
        summary: 'Her rounds oldest first, where the two views differ, her next review, what you may do',
        params: ZParticipantParams,
        response: { 200: ZMonitoringOverview },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      return onItinerary(db, viewer, request.params.participantId, READ, (tx, itinerary) =>
        readMonitoring(tx, keyring, viewer, itinerary),
      );
    },
  );

  app.post(
    '/api/participants/:participantId/monitoring/rounds',
    {
      schema: {
        tags,
        summary: 'Start a round (201), or get the draft already open (200)',
        params: ZParticipantParams,
        body: ZRoundStart,
        response: { 200: ZRound, 201: ZRound },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { created, round } = await onItinerary(
        db,
        viewer,
        request.params.participantId,
        RATE,
        (tx, itinerary) => startRound(tx, keyring, viewer, itinerary, request.body),
      );
      reply.status(created ? 201 : 200);
      return round;
    },
  );

  app.put(
    '/api/participants/:participantId/monitoring/rounds/:roundId/professional',
    {
      schema: {
        tags,
        summary: "Save the professional's ratings (the whole map; a stale revision is refused)",
        params: ZRoundParams,
        body: ZProfessionalRatingSave,
        response: { 200: ZRound },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, roundId } = request.params;
      return onItinerary(db, viewer, participantId, RATE, (tx, itinerary) =>
        saveProfessional(tx, keyring, viewer, itinerary, roundId, request.body),
      );
    },
  );

  // Her screen reads only where her rating stands, and only someone who may record it does.
  app.get(
    '/api/participants/:participantId/monitoring/rounds/:roundId/self',
    {
      schema: {
        tags,
        summary: 'Where her own rating of the round stands (nothing rated is sent)',
        params: ZRoundParams,
        response: { 200: ZSelfRatingStatus },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, roundId } = request.params;
      return onItinerary(db, viewer, participantId, RATE, (tx, itinerary) =>
        readSelfStatus(tx, itinerary, roundId),
      );
    },
  );

  app.put(
    '/api/participants/:participantId/monitoring/rounds/:roundId/self',
    {
      schema: {
        tags,
        summary: 'Save her own rating, or her choice not to rate: once, never changed',
        params: ZRoundParams,
        body: ZSelfRatingSave,
        response: { 200: ZSelfRatingStatus },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, roundId } = request.params;
      return onItinerary(db, viewer, participantId, RATE, (tx, itinerary) =>
        saveSelf(tx, keyring, viewer, itinerary, roundId, request.body),
      );
    },
  );

  app.post(
    '/api/participants/:participantId/monitoring/rounds/:roundId/complete',
    {
      schema: {
        tags,
        summary: 'Complete the round: every sphere rated, her rating given or declined',
        params: ZRoundParams,
        response: { 200: ZRound },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, roundId } = request.params;
      return onItinerary(db, viewer, participantId, RATE, (tx, itinerary) =>
        completeRound(tx, keyring, viewer, itinerary, roundId),
      );
    },
  );

  app.get(
    '/api/organization/itinerary-settings',
    { schema: { tags, response: { 200: ZItinerarySettings } } },
    async (request) => {
      const viewer = requireViewer(request);
      if (!can(viewer, 'itinerary.edit') && !can(viewer, 'itinerary.configure')) {
        await recordDenial(db, viewer, 'itinerary.configure', { resourceType: 'organization' });
        throw forbidden();
      }
      return db.run(viewer, (tx) => readItinerarySettings(tx, viewer.organizationId));
    },
  );

  app.put(
    '/api/organization/itinerary-settings',
    { schema: { tags, body: ZItinerarySettings, response: { 200: ZItinerarySettings } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'itinerary.configure', { resourceType: 'organization' });
      return db.run(viewer, (tx) => saveItinerarySettings(tx, viewer, request.body));
    },
  );
}
