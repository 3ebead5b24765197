/** Calls of her monitoring rounds and the organization's review interval. */
import {
  type TItinerarySettings,
  type TProfessionalRatingSave,
  type TSelfRatingSave,
  ZItinerarySettings,
  ZMonitoringOverview,
  ZRound,
  ZSelfRatingStatus,
} from '@cope/contracts';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/monitoring`;
const round = (participantId: string, roundId: string) =>
  `${base(participantId)}/rounds/${encodeURIComponent(roundId)}`;

export const monitoringQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'monitoring', participantId],
    queryFn: ({ signal }) => api(base(participantId), ZMonitoringOverview, { signal }),
  });

/** 201 a new draft round, or 200 the draft already open. */
export const startRound = (participantId: string, heldOn: string) =>
  api(`${base(participantId)}/rounds`, ZRound, { method: 'POST', body: { heldOn } });

export const saveProfessional = (participantId: string, roundId: string, body: TProfessionalRatingSave) =>
  api(`${round(participantId, roundId)}/professional`, ZRound, { method: 'PUT', body });

/** Where her own rating of a round stands: all her screen reads (nothing rated, nothing of the case). */
export const selfStatusQuery = (participantId: string, roundId: string) =>
  queryOptions({
    queryKey: ['participants', 'monitoring', participantId, 'self', roundId],
    queryFn: ({ signal }) => api(`${round(participantId, roundId)}/self`, ZSelfRatingStatus, { signal }),
  });

/** Her rating, or her choice not to rate: answers where it now stands, not the round. */
export const saveSelf = (participantId: string, roundId: string, body: TSelfRatingSave) =>
  api(`${round(participantId, roundId)}/self`, ZSelfRatingStatus, { method: 'PUT', body });

export const completeRound = (participantId: string, roundId: string) =>
  api(`${round(participantId, roundId)}/complete`, ZRound, { method: 'POST' });

export const itinerarySettingsQuery = queryOptions({
  queryKey: ['itinerary-settings'],
  queryFn: ({ signal }) => api('/api/organization/itinerary-settings', ZItinerarySettings, { signal }),
});

export const saveItinerarySettings = (body: TItinerarySettings) =>
  api('/api/organization/itinerary-settings', ZItinerarySettings, { method: 'PUT', body });

/**
 * After a round changes state (started, her rating, completed): her monitoring, the case (spheres
 * needing attention, the next review) and the task lists (the review task closes itself).
 */
export const refreshAfterRound = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['participants'] }),
    queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  ]);
