import { ZLoginRequest } from '@cope/contracts';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { FormIntro } from '../layout/FormIntro';
import { usePageTitle } from '../layout/page-title';
import { useSetupStatus } from '../setup/api';
import { meQuery, NEXT_STEP, signIn } from './api';
import { readAuthFlowState } from './navigation';
import { usePasswordToggleProps } from './password-toggle';

interface FieldErrors {
  email?: string;
  password?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const setup = useSetupStatus();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const toggleProps = usePasswordToggleProps();
  const flow = readAuthFlowState(location.state);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async ({ state }) => {
      queryClient.removeQueries({ queryKey: meQuery.queryKey });
      await navigate(NEXT_STEP[state], { replace: true, state: { from: flow.from } });
    },
    onError: (error) => {
      if (!isApiError(error, 'INVALID_CREDENTIALS')) return;
      setPassword('');
      passwordRef.current?.focus();
    },
  });

  if (setup.data?.setupRequired) return <Navigate to="/setup" replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZLoginRequest.safeParse({ email, password });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setFieldErrors({
        email: fields.has('email') ? t('login.emailInvalid') : undefined,
        password: fields.has('password') ? t('login.passwordMissing') : undefined,
      });
      (fields.has('email') ? emailRef : passwordRef).current?.focus();
      return;
    }
    setFieldErrors({});
    mutation.mutate(parsed.data);
  };

  const failure = mutation.error
    ? isApiError(mutation.error, 'INVALID_CREDENTIALS')
      ? t('login.invalidCredentials')
      : errorMessage(mutation.error)
    : null;

  const notice =
    flow.reason === 'idle'
      ? t('login.signedOutIdle')
      : flow.reason === 'session_ended'
        ? t('login.sessionEnded')
        : flow.reason === 'signed_out'
          ? t('login.signedOut')
          : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormIntro title={t('login.title')} intro={t('login.intro')} />
        {notice && !failure && (
          <Alert variant="light" color="petrol" icon={<IconInfoCircle aria-hidden="true" />} role="status">
            {notice}
          </Alert>
        )}
        {failure && (
          <Alert variant="light" color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          ref={emailRef}
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
          required
          withAsterisk={false}
        />
        <PasswordInput
          ref={passwordRef}
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
          required
          withAsterisk={false}
          {...toggleProps}
        />
        <Button type="submit" loading={mutation.isPending} size="md" fullWidth>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
