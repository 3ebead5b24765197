import { type TSetupRequest, ZLoginResponse, ZSetupStatus } from '@cope/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

export const setupStatusQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: ({ signal }) => api('/api/setup', ZSetupStatus, { signal }),
  staleTime: 5 * 60_000,
});

/** The set-up status; the app root waits for it, so pages below can rely on it being there. */
export function useSetupStatus() {
  return useQuery(setupStatusQuery);
}

export const runSetup = (body: TSetupRequest) =>
  api('/api/setup', ZLoginResponse, { method: 'POST', body, redirectOnUnauthenticated: false });
