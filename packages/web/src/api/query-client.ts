import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** Retry only what may succeed on a second try: network trouble and server errors. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      staleTime: 30_000,
      // Every request extends the server session: only what the person does should keep it
      // alive, so nothing refetches on its own when the window regains focus.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
    mutations: { retry: false },
  },
});
