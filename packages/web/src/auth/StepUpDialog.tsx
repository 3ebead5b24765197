/**
 * Step-up, for every signed-in page: when the server answers STEP_UP_REQUIRED, this asks for a
 * code from the authenticator app (or a passkey), confirms it, and the API client sends the
 * refused call again. Cancelling lets the call fail as it was.
 */
import { Alert, Button, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFingerprint } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, setStepUpHandler } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery, stepUpWithCode, stepUpWithPasskey } from './api';
import { CodeField } from './CodeField';
import { isPasskeyPromptClosed } from './use-passkey-sign-in';

export function StepUpDialog() {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const errorMessage = useErrorMessage();
  const inputRef = useRef<HTMLInputElement>(null);
  const pending = useRef<((confirmed: boolean) => void) | null>(null);
  const [opened, setOpened] = useState(false);
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState<string | undefined>();

  const finish = (confirmed: boolean) => {
    pending.current?.(confirmed);
    pending.current = null;
    setOpened(false);
    setCode('');
    setFormatError(undefined);
  };

  const withCode = useMutation({ mutationFn: stepUpWithCode, onSuccess: () => finish(true) });
  const withPasskey = useMutation({ mutationFn: stepUpWithPasskey, onSuccess: () => finish(true) });

  useEffect(() => {
    setStepUpHandler(
      () =>
        new Promise<boolean>((resolve) => {
          // A second request while the dialog is open waits for the same answer.
          const earlier = pending.current;
          pending.current = (confirmed) => {
            earlier?.(confirmed);
            resolve(confirmed);
          };
          withCode.reset();
          withPasskey.reset();
          setOpened(true);
        }),
    );
    return () => setStepUpHandler(null);
  }, [withCode.reset, withPasskey.reset]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setFormatError(t('mfa.codeFormat'));
      inputRef.current?.focus();
      return;
    }
    setFormatError(undefined);
    withCode.mutate(code, {
      onError: () => {
        setCode('');
        inputRef.current?.focus();
      },
    });
  };

  const error = withCode.error ?? withPasskey.error;
  const failure = error
    ? isApiError(error, 'INVALID_MFA_CODE')
      ? t('mfa.invalidCode')
      : isApiError(error, 'INVALID_PASSKEY') || isPasskeyPromptClosed(error)
        ? t('passkey.failed')
        : errorMessage(error)
    : null;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={() => finish(false)}
      title={t('stepUp.title')}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('stepUp.intro')}</Text>
          {failure && (
            <Alert variant="light" color="red" role="alert">
              {failure}
            </Alert>
          )}
          <CodeField ref={inputRef} value={code} onChange={setCode} error={formatError} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => finish(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={withCode.isPending}>
              {t('stepUp.confirm')}
            </Button>
          </Group>
          {(me.data?.secondFactors.passkeys ?? 0) > 0 && (
            <>
              <Divider label={t('mfa.or')} labelPosition="center" />
              <Button
                variant="default"
                leftSection={<IconFingerprint size={18} aria-hidden="true" />}
                loading={withPasskey.isPending}
                onClick={() => withPasskey.mutate()}
              >
                {t('mfa.usePasskey')}
              </Button>
            </>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
