/** Calls of her needs assessment: the fourteen spheres, one sphere saved, her own ranking. */
import {
  type TNeedsSave,
  type TPrioritiesSave,
  ZNeedsOverview,
  ZPriorities,
  ZSphereNeeds,
} from '@cope/contracts';
import type { Sphere } from '@cope/domain';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/needs`;

export const needsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'needs', participantId],
    queryFn: ({ signal }) => api(base(participantId), ZNeedsOverview, { signal }),
  });

export const saveSphere = (participantId: string, sphere: Sphere, body: TNeedsSave) =>
  api(`${base(participantId)}/spheres/${encodeURIComponent(sphere)}`, ZSphereNeeds, {
    method: 'PUT',
    body,
  });

export const savePriorities = (participantId: string, body: TPrioritiesSave) =>
  api(`${base(participantId)}/priorities`, ZPriorities, { method: 'PUT', body });

/**
 * After a save: everything about her case, so her needs, the basic-needs alert in the case
 * header (participant detail) and the case list refresh together.
 */
export function useInvalidateNeeds() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['participants'] });
}
