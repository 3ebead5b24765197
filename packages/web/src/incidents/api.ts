/** Calls of her incident log, the organization's risk management protocol and safety settings. */
import {
  type TIncidentRequest,
  type TProtocolRequest,
  type TSafetySettings,
  ZIncident,
  ZIncidentList,
  ZProtocol,
  ZProtocolVersion,
  ZSafetySettingsView,
} from '@cope/contracts';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/incidents`;

export const incidentsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'incidents', participantId],
    queryFn: ({ signal }) => api(base(participantId), ZIncidentList, { signal }),
  });

export const recordIncident = (participantId: string, body: TIncidentRequest) =>
  api(base(participantId), ZIncident, { method: 'POST', body });

export const markFollowedUp = (participantId: string, incidentId: string) =>
  api(`${base(participantId)}/${encodeURIComponent(incidentId)}/follow-up`, ZIncident, { method: 'POST' });

/**
 * After an incident: everything about her case may have moved (her risk status, her
 * assessments, her next due date, the tasks lists), so every query that names her is refreshed.
 */
export const refreshCase = (queryClient: QueryClient, participantId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes(participantId) }),
    queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  ]);

export const protocolQuery = queryOptions({
  queryKey: ['risk-protocol'],
  queryFn: ({ signal }) => api('/api/risk-protocol', ZProtocol, { signal }),
});

export const protocolVersionQuery = (version: number) =>
  queryOptions({
    queryKey: ['risk-protocol', 'version', version],
    queryFn: ({ signal }) => api(`/api/risk-protocol/versions/${version}`, ZProtocolVersion, { signal }),
    // A saved version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const saveProtocol = (body: TProtocolRequest) =>
  api('/api/risk-protocol', ZProtocol, { method: 'POST', body });

export const safetySettingsQuery = queryOptions({
  queryKey: ['safety-settings'],
  queryFn: ({ signal }) => api('/api/safety-settings', ZSafetySettingsView, { signal }),
});

export const saveSafetySettings = (body: TSafetySettings) =>
  api('/api/safety-settings', ZSafetySettingsView, { method: 'PUT', body });
