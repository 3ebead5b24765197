import { Alert, Anchor, Button, Divider, Stack } from '@mantine/core';
import { IconFingerprint } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { FormIntro } from '../layout/FormIntro';
import { LoadingState } from '../layout/PageStates';
import { usePageTitle } from '../layout/page-title';
import { meQuery, verifySecondFactor } from './api';
import { CodeField } from './CodeField';
import { readAuthFlowState, safeReturnPath } from './navigation';
import { RecoveryCodeForm } from './RecoveryCodeForm';
import { SessionCheckError } from './SessionCheckError';
import { usePasskeySignIn } from './use-passkey-sign-in';
import { useSecondFactorForm } from './use-second-factor-form';
import { useSignOut } from './use-sign-out';

export function MfaPage() {
  const { t } = useTranslation();
  usePageTitle(t('mfa.title'));
  const me = useQuery(meQuery);
  const location = useLocation();
  const signOut = useSignOut();
  const form = useSecondFactorForm(verifySecondFactor);
  const passkey = usePasskeySignIn();
  const [useRecovery, setUseRecovery] = useState(false);

  if (me.isError) return <SessionCheckError error={me.error} onRetry={() => void me.refetch()} />;
  if (me.isPending) return <LoadingState />;
  if (me.data.state === 'mfa_enrolment_required')
    return <Navigate to="/mfa/enrol" replace state={location.state} />;
  if (me.data.state === 'enrolment_link_required') return <Navigate to="/mfa/link-required" replace />;
  if (me.data.state === 'active') {
    return <Navigate to={safeReturnPath(readAuthFlowState(location.state).from)} replace />;
  }
  if (useRecovery) return <RecoveryCodeForm onBack={() => setUseRecovery(false)} />;

  return (
    <Stack gap="lg">
      <form onSubmit={form.submit} noValidate>
        <Stack gap="lg">
          <FormIntro title={t('mfa.title')} intro={t('mfa.intro')} />
          {(form.failure ?? passkey.failure) && (
            <Alert variant="light" color="red" role="alert">
              {form.failure ?? passkey.failure}
            </Alert>
          )}
          <CodeField ref={form.inputRef} value={form.code} onChange={form.setCode} error={form.formatError} />
          <Button type="submit" loading={form.pending} size="md" fullWidth>
            {t('mfa.submit')}
          </Button>
        </Stack>
      </form>
      {me.data.secondFactors.passkeys > 0 && (
        <>
          <Divider label={t('mfa.or')} labelPosition="center" />
          <Button
            variant="default"
            size="md"
            fullWidth
            leftSection={<IconFingerprint size={18} aria-hidden="true" />}
            loading={passkey.pending}
            onClick={passkey.start}
          >
            {t('mfa.usePasskey')}
          </Button>
        </>
      )}
      <Stack gap={6} align="flex-start">
        <Anchor component="button" type="button" size="sm" onClick={() => setUseRecovery(true)}>
          {t('mfa.useRecoveryCode')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={() => void signOut('signed_out')}>
          {t('mfa.otherAccount')}
        </Anchor>
      </Stack>
    </Stack>
  );
}
