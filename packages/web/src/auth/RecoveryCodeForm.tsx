/** Second step of sign-in with one of her recovery codes, when the authenticator app is lost. */
import { ZRecoveryCode } from '@cope/contracts';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { FormIntro } from '../layout/FormIntro';
import { meQuery, signInWithRecoveryCode } from './api';
import { readAuthFlowState, safeReturnPath } from './navigation';

export function RecoveryCodeForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: signInWithRecoveryCode,
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: meQuery.queryKey });
      await navigate(safeReturnPath(readAuthFlowState(location.state).from), { replace: true });
    },
    onError: () => inputRef.current?.focus(),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZRecoveryCode.safeParse(code);
    if (!parsed.success) {
      setFormatError(t('recovery.format'));
      inputRef.current?.focus();
      return;
    }
    setFormatError(undefined);
    mutation.mutate(parsed.data);
  };

  const failure = mutation.error
    ? isApiError(mutation.error, 'INVALID_RECOVERY_CODE')
      ? t('recovery.invalid')
      : errorMessage(mutation.error)
    : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormIntro title={t('recovery.signInTitle')} intro={t('recovery.signInIntro')} />
        {failure && (
          <Alert variant="light" color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          ref={inputRef}
          label={t('recovery.code')}
          description={t('recovery.codeHint')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={formatError}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
          withAsterisk={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.08em' } }}
        />
        <Button type="submit" loading={mutation.isPending} size="md" fullWidth>
          {t('mfa.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('recovery.backToCode')}
        </Anchor>
      </Stack>
    </form>
  );
}
