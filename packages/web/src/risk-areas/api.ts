/** The map's settings, the organization's risk areas and the places recorded for her. */
import {
  type TPlaceRequest,
  type TRiskAreaRequest,
  ZMapConfig,
  ZPlace,
  ZPlaceList,
  ZRiskAreaList,
  ZRiskAreaSaved,
} from '@cope/contracts';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api/client';

export const mapConfigQuery = queryOptions({
  queryKey: ['map-config'],
  queryFn: ({ signal }) => api('/api/map-config', ZMapConfig, { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export const riskAreasQuery = queryOptions({
  queryKey: ['risk-areas'],
  queryFn: ({ signal }) => api('/api/risk-areas', ZRiskAreaList, { signal }),
});

export const placesQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'places', participantId],
    queryFn: ({ signal }) => api(`/api/participants/${participantId}/places`, ZPlaceList, { signal }),
  });

const ZDone = z.object({ done: z.literal(true) });

export const createArea = (body: TRiskAreaRequest) =>
  api('/api/risk-areas', ZRiskAreaSaved, { method: 'POST', body });

export const updateArea = (areaId: string, body: TRiskAreaRequest) =>
  api(`/api/risk-areas/${areaId}`, ZRiskAreaSaved, { method: 'PUT', body });

export const archiveArea = (areaId: string) => api(`/api/risk-areas/${areaId}`, ZDone, { method: 'DELETE' });

export const recordPlace = (participantId: string, body: TPlaceRequest) =>
  api(`/api/participants/${participantId}/places`, ZPlace, { method: 'POST', body });

export const endPlace = (participantId: string, placeId: string) =>
  api(`/api/participants/${participantId}/places/${placeId}/end`, ZDone, { method: 'POST', body: {} });

/**
 * After a change that may flag cases: the areas, every query about a case (her places, her risk
 * status, her case header) and everyone's tasks, since a reassessment may have fallen due.
 */
export function useInvalidateSafety() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: riskAreasQuery.queryKey }),
      queryClient.invalidateQueries({ queryKey: ['participants'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
}
