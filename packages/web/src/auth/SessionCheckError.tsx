import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';

/** When asking "who is signed in?" fails: a 401 is already being redirected, anything else can be retried. */
export function SessionCheckError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const errorMessage = useErrorMessage();
  if (isApiError(error, 'UNAUTHENTICATED')) return <LoadingState />;
  return <ErrorState message={errorMessage(error)} onRetry={onRetry} />;
}
