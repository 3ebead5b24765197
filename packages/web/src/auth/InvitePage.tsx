/**
 * /invite/:token — the one-time link an administrator handed over. An invitation asks her to
 * choose her password; a link after a second-factor reset asks for her current one. Either way
 * the next step is setting up her authenticator app.
 */
import { ZNewPassword } from '@cope/contracts';
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { usePageTitle } from '../layout/page-title';
import { acceptSetupLink, describeSetupLink, meQuery, NEXT_STEP } from './api';
import { useDateTimeFormatter } from './date-time';
import { usePasswordToggleProps } from './password-toggle';

export function InvitePage() {
  const { t } = useTranslation();
  usePageTitle(t('invite.documentTitle'));
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const toggleProps = usePasswordToggleProps();
  const formatDateTime = useDateTimeFormatter();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldError, setFieldError] = useState<{ password?: string; repeat?: string }>({});

  const link = useQuery({
    queryKey: ['setup-link', token],
    queryFn: () => describeSetupLink(token),
    retry: false,
    gcTime: 0,
  });
  const accept = useMutation({
    mutationFn: () => acceptSetupLink(token, password),
    onSuccess: async ({ state }) => {
      queryClient.removeQueries({ queryKey: meQuery.queryKey });
      await navigate(NEXT_STEP[state], { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 'VALIDATION_FAILED')) setFieldError({ password: t('invite.passwordRejected') });
      passwordRef.current?.focus();
    },
  });

  if (link.isPending) return <LoadingState />;
  if (link.isError) {
    const invalid =
      isApiError(link.error, 'SETUP_LINK_INVALID') || isApiError(link.error, 'VALIDATION_FAILED');
    return (
      <ErrorState
        title={t('invite.invalidTitle')}
        message={invalid ? t('invite.invalid') : errorMessage(link.error)}
        {...(invalid ? {} : { onRetry: () => void link.refetch() })}
      />
    );
  }
  const isInvitation = link.data.kind === 'invitation';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isInvitation && !ZNewPassword.safeParse(password).success) {
      setFieldError({ password: t('invite.passwordRules') });
      passwordRef.current?.focus();
      return;
    }
    if (isInvitation && password !== repeat) {
      setFieldError({ repeat: t('invite.passwordsDiffer') });
      return;
    }
    if (!password) {
      setFieldError({ password: t('login.passwordMissing') });
      passwordRef.current?.focus();
      return;
    }
    setFieldError({});
    accept.mutate();
  };

  const failure = accept.error
    ? isApiError(accept.error, 'SETUP_LINK_INVALID')
      ? t('invite.invalid')
      : isApiError(accept.error, 'INVALID_CREDENTIALS')
        ? t('invite.wrongPassword')
        : isApiError(accept.error, 'VALIDATION_FAILED')
          ? null
          : errorMessage(accept.error)
    : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {isInvitation ? t('invite.title', { name: link.data.displayName }) : t('invite.resetTitle')}
          </Title>
          <Text c="dimmed" mt={4}>
            {isInvitation
              ? t('invite.intro', { organization: link.data.organizationName })
              : t('invite.resetIntro', { organization: link.data.organizationName })}
          </Text>
          <Text size="sm" c="dimmed" mt="xs">
            {t('invite.expires', { date: formatDateTime(link.data.expiresAt) })}
          </Text>
        </div>
        {failure && (
          <Alert variant="light" color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput label={t('login.email')} value={link.data.email} readOnly autoComplete="username" />
        <PasswordInput
          ref={passwordRef}
          label={isInvitation ? t('invite.newPassword') : t('invite.currentPassword')}
          description={isInvitation ? t('setup.passwordHint') : undefined}
          autoComplete={isInvitation ? 'new-password' : 'current-password'}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldError.password}
          required
          withAsterisk={false}
          {...toggleProps}
        />
        {isInvitation && (
          <PasswordInput
            label={t('invite.repeatPassword')}
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.currentTarget.value)}
            error={fieldError.repeat}
            required
            withAsterisk={false}
            {...toggleProps}
          />
        )}
        <Button type="submit" loading={accept.isPending} size="md" fullWidth>
          {t('invite.submit')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('invite.nextStep')}
        </Text>
      </Stack>
    </form>
  );
}
