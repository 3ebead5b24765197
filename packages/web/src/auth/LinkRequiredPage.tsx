/**
 * Signed in with a password, but the account has no second factor and only a one-time link
 * from an administrator can set one up. After a reset she is told when it happened, so a reset
 * she did not ask for is noticed.
 */
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { LoadingState } from '../layout/PageStates';
import { usePageTitle } from '../layout/page-title';
import { meQuery, NEXT_STEP } from './api';
import { useDateTimeFormatter } from './date-time';
import { SessionCheckError } from './SessionCheckError';
import { useSignOut } from './use-sign-out';

export function LinkRequiredPage() {
  const { t } = useTranslation();
  usePageTitle(t('linkRequired.title'));
  const me = useQuery(meQuery);
  const signOut = useSignOut();
  const formatDateTime = useDateTimeFormatter();

  if (me.isError) return <SessionCheckError error={me.error} onRetry={() => void me.refetch()} />;
  if (me.isPending) return <LoadingState />;
  if (me.data.state !== 'enrolment_link_required') return <Navigate to={NEXT_STEP[me.data.state]} replace />;
  const resetAt = me.data.mfaResetAt;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('linkRequired.title')}
        </Title>
      </div>
      {resetAt ? (
        <Alert
          variant="light"
          color="red"
          role="alert"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t('linkRequired.resetTitle')}
        >
          <Stack gap="xs">
            <Text size="sm">{t('linkRequired.resetMessage', { date: formatDateTime(resetAt) })}</Text>
            <Text size="sm" fw={600}>
              {t('linkRequired.notYou')}
            </Text>
          </Stack>
        </Alert>
      ) : (
        <Text>{t('linkRequired.notSetUp')}</Text>
      )}
      <Text>{t('linkRequired.askForLink')}</Text>
      <Button variant="default" onClick={() => void signOut('signed_out')}>
        {t('linkRequired.signOut')}
      </Button>
    </Stack>
  );
}
