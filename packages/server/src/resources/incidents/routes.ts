/**
 * Her incident log, the organization's risk management protocol and its safety settings. Every
 * route: authenticate (closed by default) → validate with the shared contracts → the policy →
 * one transaction doing the work and its audit → a presenter.
 */
import {
  ZIncident,
  ZIncidentList,
  ZIncidentParams,
  ZIncidentRequest,
  ZParticipantParams,
  ZProtocol,
  ZProtocolRequest,
  ZProtocolVersion,
  ZProtocolVersionParams,
  ZSafetySettings,
  ZSafetySettingsView,
} from '@cope/contracts';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { authorize } from '../../policy/enforce.js';
import { onSafetySection } from './access.js';
import { readProtocol, readProtocolVersion, saveProtocol } from './protocol.js';
import { followUpIncident, listIncidents, recordIncident } from './service.js';
import { readSafetySettings, saveSafetySettings } from './settings.js';

const path = '/api/participants/:participantId/incidents';

export async function incidentRoutes({ app, db, keyring }: AppContext): Promise<void> {
  app.get(
    path,
    { schema: { tags: ['incidents'], params: ZParticipantParams, response: { 200: ZIncidentList } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const guard = { write: false, refusal: 'incident.read' } as const;
      return onSafetySection(db, viewer, participantId, guard, (tx, access) =>
        listIncidents(tx, keyring, viewer, participantId, access.canRecord),
      );
    },
  );

  app.post(
    path,
    {
      schema: {
        tags: ['incidents'],
        params: ZParticipantParams,
        body: ZIncidentRequest,
        response: { 201: ZIncident },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      const guard = { write: true, refusal: 'incident.record' } as const;
      const created = await onSafetySection(db, viewer, participantId, guard, (tx) =>
        recordIncident(tx, keyring, viewer, participantId, request.body),
      );
      reply.status(201);
      return created;
    },
  );

  app.post(
    `${path}/:incidentId/follow-up`,
    { schema: { tags: ['incidents'], params: ZIncidentParams, response: { 200: ZIncident } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, incidentId } = request.params;
      const guard = { write: true, refusal: 'incident.followed_up' } as const;
      return onSafetySection(db, viewer, participantId, guard, (tx) =>
        followUpIncident(tx, keyring, viewer, participantId, incidentId),
      );
    },
  );

  app.get(
    '/api/risk-protocol',
    { schema: { tags: ['risk protocol'], response: { 200: ZProtocol } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'protocol.read', { resourceType: 'risk_protocol' });
      return db.run(viewer, (tx) => readProtocol(tx, viewer));
    },
  );

  app.get(
    '/api/risk-protocol/versions/:version',
    {
      schema: {
        tags: ['risk protocol'],
        params: ZProtocolVersionParams,
        response: { 200: ZProtocolVersion },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'protocol.read', { resourceType: 'risk_protocol' });
      return db.run(viewer, (tx) => readProtocolVersion(tx, request.params.version));
    },
  );

  app.post(
    '/api/risk-protocol',
    { schema: { tags: ['risk protocol'], body: ZProtocolRequest, response: { 201: ZProtocol } } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'protocol.edit', { resourceType: 'risk_protocol' });
      const saved = await db.run(viewer, (tx) => saveProtocol(tx, viewer, request.body));
      reply.status(201);
      return saved;
    },
  );

  app.get(
    '/api/safety-settings',
    { schema: { tags: ['safety settings'], response: { 200: ZSafetySettingsView } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'protocol.read', { resourceType: 'organization' });
      return db.run(viewer, (tx) => readSafetySettings(tx, viewer));
    },
  );

  app.put(
    '/api/safety-settings',
    {
      schema: {
        tags: ['safety settings'],
        body: ZSafetySettings,
        response: { 200: ZSafetySettingsView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'safety.configure', { resourceType: 'organization' });
      return db.run(viewer, (tx) => saveSafetySettings(tx, viewer, request.body));
    },
  );
}
