/** The organization's risk areas, the map's settings and the places recorded for her. */
import {
  ZMapConfig,
  ZParticipantParams,
  ZPlace,
  ZPlaceList,
  ZPlaceParams,
  ZPlaceRequest,
  ZRiskAreaList,
  ZRiskAreaParams,
  ZRiskAreaRequest,
  ZRiskAreaSaved,
} from '@cope/contracts';
import { z } from 'zod';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { authorize } from '../../policy/enforce.js';
import { can } from '../../policy/index.js';
import { archiveArea, listAreas, saveArea } from './areas.js';
import { onPlaces } from './place-access.js';
import { endPlace, listPlaces, recordPlace } from './places.js';

const tags = ['risk areas'];
const ZDone = z.object({ done: z.literal(true) });
const AREA = { resourceType: 'risk_area' } as const;

export async function riskAreaRoutes({ app, db, keyring, config }: AppContext): Promise<void> {
  app.get(
    '/api/map-config',
    {
      schema: {
        tags,
        summary: 'Background tiles and starting view of the map (no tiles configured: a blank map)',
        response: { 200: ZMapConfig },
      },
    },
    async (request) => {
      requireViewer(request);
      const { tileUrl, attribution, center, zoom } = config.map;
      return { tileUrl, attribution, center, zoom };
    },
  );

  app.get(
    '/api/risk-areas',
    { schema: { tags, summary: "The organization's risk areas", response: { 200: ZRiskAreaList } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'risk_area.read', AREA);
      const items = await db.run(viewer, (tx) => listAreas(tx));
      return { items, canManage: can(viewer, 'risk_area.manage') };
    },
  );

  app.post(
    '/api/risk-areas',
    {
      schema: {
        tags,
        summary: 'Draw a risk area (coordinators); places in or near it are flagged at once',
        body: ZRiskAreaRequest,
        response: { 201: ZRiskAreaSaved },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'risk_area.manage', AREA);
      const saved = await db.run(viewer, (tx) => saveArea({ tx, keyring, viewer }, null, request.body));
      if (!saved) throw new AppError('INTERNAL', 'The area could not be saved.');
      reply.status(201);
      return { area: saved.area, newlyFlaggedPlaces: saved.newlyFlagged };
    },
  );

  app.put(
    '/api/risk-areas/:areaId',
    {
      schema: {
        tags,
        summary: "Change a risk area's label, kind or outline (coordinators)",
        params: ZRiskAreaParams,
        body: ZRiskAreaRequest,
        response: { 200: ZRiskAreaSaved },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { areaId } = request.params;
      await authorize(db, viewer, 'risk_area.manage', { ...AREA, resourceId: areaId });
      const saved = await db.run(viewer, (tx) => saveArea({ tx, keyring, viewer }, areaId, request.body));
      if (!saved) throw notFound('This area');
      return { area: saved.area, newlyFlaggedPlaces: saved.newlyFlagged };
    },
  );

  app.delete(
    '/api/risk-areas/:areaId',
    {
      schema: {
        tags,
        summary: 'Remove a risk area (coordinators): archived, never deleted',
        params: ZRiskAreaParams,
        response: { 200: ZDone },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { areaId } = request.params;
      await authorize(db, viewer, 'risk_area.manage', { ...AREA, resourceId: areaId });
      const archived = await db.run(viewer, (tx) => archiveArea({ tx, keyring, viewer }, areaId));
      if (!archived) throw notFound('This area');
      return { done: true as const };
    },
  );

  app.get(
    '/api/participants/:participantId/places',
    {
      schema: {
        tags,
        summary: 'Places recorded for her, with risk-area flags (addresses only for who sees her identity)',
        params: ZParticipantParams,
        response: { 200: ZPlaceList },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      return onPlaces(db, viewer, participantId, 'read', async (tx, access) => ({
        items: await listPlaces(tx, keyring, viewer, participantId, access.addressesVisible),
        ...access,
      }));
    },
  );

  app.post(
    '/api/participants/:participantId/places',
    {
      schema: {
        tags,
        summary: 'Record a place for her (home, training venue, workplace): her assessment falls due again',
        params: ZParticipantParams,
        body: ZPlaceRequest,
        response: { 201: ZPlace },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const place = await onPlaces(db, viewer, participantId, 'record', (tx) =>
        recordPlace({ tx, keyring, viewer }, participantId, request.body),
      );
      reply.status(201);
      return place;
    },
  );

  app.post(
    '/api/participants/:participantId/places/:placeId/end',
    {
      schema: {
        tags,
        summary: 'She left this place: it moves to the history',
        params: ZPlaceParams,
        response: { 200: ZDone },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, placeId } = request.params;
      const outcome = await onPlaces(db, viewer, participantId, 'record', (tx) =>
        endPlace({ tx, keyring, viewer }, participantId, placeId),
      );
      if (outcome === 'missing') throw notFound('This place');
      if (outcome === 'already_ended') throw new AppError('CONFLICT', 'This place was already ended.');
      return { done: true as const };
    },
  );
}
