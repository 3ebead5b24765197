import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery } from './api';
import { readAuthFlowState, safeReturnPath } from './navigation';

/**
 * The code step shared by "confirm it's you" and "set up your app": checks the format, sends
 * the code, and on success continues where the person was going — unless `onDone` answers
 * 'stay' (the enrolment page first shows the new recovery codes).
 */
export function useSecondFactorForm<T>(
  send: (code: string) => Promise<T>,
  onDone?: (result: T) => 'stay' | undefined,
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const from = readAuthFlowState(location.state).from;
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState<string | undefined>();

  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      const next = onDone?.(result);
      queryClient.removeQueries({ queryKey: meQuery.queryKey });
      if (next !== 'stay') await navigate(safeReturnPath(from), { replace: true });
    },
    onError: () => {
      setCode('');
      inputRef.current?.focus();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setFormatError(t('mfa.codeFormat'));
      inputRef.current?.focus();
      return;
    }
    setFormatError(undefined);
    mutation.mutate(code);
  };

  const failure = mutation.error
    ? isApiError(mutation.error, 'INVALID_MFA_CODE')
      ? t('mfa.invalidCode')
      : errorMessage(mutation.error)
    : null;
  const done = () => navigate(safeReturnPath(from), { replace: true });

  return { code, setCode, submit, inputRef, formatError, failure, pending: mutation.isPending, done };
}
