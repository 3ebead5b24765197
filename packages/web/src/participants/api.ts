import { ZParticipantDetail, ZParticipantList } from '@cope/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import { type ListParams, toApiQuery } from './list-params';

export const participantListQuery = (params: ListParams) =>
  queryOptions({
    queryKey: ['participants', 'list', params],
    queryFn: ({ signal }) => api(`/api/participants?${toApiQuery(params)}`, ZParticipantList, { signal }),
    // Keep showing the current page while the next one loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });

export const participantQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'detail', participantId],
    queryFn: ({ signal }) =>
      api(`/api/participants/${encodeURIComponent(participantId)}`, ZParticipantDetail, { signal }),
  });
