import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery, signInWithPasskey } from './api';
import { readAuthFlowState, safeReturnPath } from './navigation';

/** The browser refused or the person closed its passkey prompt: not an error worth alarming. */
export const isPasskeyPromptClosed = (error: unknown) =>
  error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');

/** Second step of sign-in with a passkey; on success continues where she was going. */
export function usePasskeySignIn() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const from = readAuthFlowState(location.state).from;
  const mutation = useMutation({
    mutationFn: signInWithPasskey,
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: meQuery.queryKey });
      await navigate(safeReturnPath(from), { replace: true });
    },
  });
  const failure = mutation.error
    ? isApiError(mutation.error, 'INVALID_PASSKEY') || isPasskeyPromptClosed(mutation.error)
      ? t('passkey.failed')
      : errorMessage(mutation.error)
    : null;
  return { start: () => mutation.mutate(), pending: mutation.isPending, failure };
}
