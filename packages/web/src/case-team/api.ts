import { type THandoverRequest, ZCaseTeam, ZStaffDirectory } from '@cope/contracts';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api/client';

export const teamQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'team', participantId],
    queryFn: ({ signal }) => api(`/api/participants/${participantId}/team`, ZCaseTeam, { signal }),
  });

/** Colleagues who work on cases: names and roles only. */
export const staffDirectoryQuery = queryOptions({
  queryKey: ['staff', 'directory'],
  queryFn: ({ signal }) => api('/api/staff/directory', ZStaffDirectory, { signal }),
  staleTime: 5 * 60_000,
});

const ZDone = z.object({ done: z.literal(true) });

export const addTeamMember = (participantId: string, userId: string) =>
  api(`/api/participants/${participantId}/team/members`, ZDone, { method: 'POST', body: { userId } });

export const removeTeamMember = (participantId: string, userId: string) =>
  api(`/api/participants/${participantId}/team/members/${userId}`, ZDone, { method: 'DELETE' });

export const handOver = (participantId: string, body: THandoverRequest) =>
  api(`/api/participants/${participantId}/team/handover`, z.object({ id: z.string() }), {
    method: 'POST',
    body,
  });

/** After a team change: the team, the case (count of changes, abilities), the list and the timeline. */
export function useInvalidateCase(participantId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: teamQuery(participantId).queryKey }),
      queryClient.invalidateQueries({ queryKey: ['participants', 'detail', participantId] }),
      queryClient.invalidateQueries({ queryKey: ['participants', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['participants', 'timeline', participantId] }),
    ]);
}
