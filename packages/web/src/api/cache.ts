import type { QueryClient } from '@tanstack/react-query';

/**
 * Drops everything learned while signed in. Only the public set-up status survives, so the
 * sign-in page does not need to ask for it again.
 */
export function forgetSignedInData(queryClient: QueryClient): void {
  void queryClient.cancelQueries({ predicate: (query) => query.queryKey[0] !== 'setup' });
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'setup' });
  queryClient.getMutationCache().clear();
}
