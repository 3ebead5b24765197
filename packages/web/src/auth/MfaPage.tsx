import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '../layout/PageStates';
import { usePageTitle } from '../layout/page-title';
import { meQuery, verifySecondFactor } from './api';
import { CodeField } from './CodeField';
import { readAuthFlowState, safeReturnPath } from './navigation';
import { SessionCheckError } from './SessionCheckError';
import { useSecondFactorForm } from './use-second-factor-form';
import { useSignOut } from './use-sign-out';

export function MfaPage() {
  const { t } = useTranslation();
  usePageTitle(t('mfa.title'));
  const me = useQuery(meQuery);
  const location = useLocation();
  const signOut = useSignOut();
  const form = useSecondFactorForm(verifySecondFactor);

  if (me.isError) return <SessionCheckError error={me.error} onRetry={() => void me.refetch()} />;
  if (me.isPending) return <LoadingState />;
  if (me.data.state === 'mfa_enrolment_required')
    return <Navigate to="/mfa/enrol" replace state={location.state} />;
  if (me.data.state === 'active') {
    return <Navigate to={safeReturnPath(readAuthFlowState(location.state).from)} replace />;
  }

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {t('mfa.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {t('mfa.intro')}
          </Text>
        </div>
        {form.failure && (
          <Alert variant="light" color="red" role="alert">
            {form.failure}
          </Alert>
        )}
        <CodeField ref={form.inputRef} value={form.code} onChange={form.setCode} error={form.formatError} />
        <Button type="submit" loading={form.pending} size="md" fullWidth>
          {t('mfa.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => void signOut('signed_out')}>
          {t('mfa.otherAccount')}
        </Anchor>
      </Stack>
    </form>
  );
}
