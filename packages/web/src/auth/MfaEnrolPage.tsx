import { Alert, Anchor, Button, Code, Group, Image, List, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useErrorMessage } from '../api/use-error-message';
import { FormIntro } from '../layout/FormIntro';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { usePageTitle } from '../layout/page-title';
import { confirmEnrolment, enrolmentQuery, meQuery } from './api';
import { CodeField } from './CodeField';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { SessionCheckError } from './SessionCheckError';
import { useSecondFactorForm } from './use-second-factor-form';
import { useSignOut } from './use-sign-out';

/** Groups of four make a long key easier to type by hand. */
const groupKey = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export function MfaEnrolPage() {
  const { t } = useTranslation();
  usePageTitle(t('enrol.title'));
  const queryClient = useQueryClient();
  const location = useLocation();
  const signOut = useSignOut();
  const errorMessage = useErrorMessage();
  const me = useQuery(meQuery);
  const needsEnrolment = me.data?.state === 'mfa_enrolment_required';
  const enrolment = useQuery({ ...enrolmentQuery, enabled: needsEnrolment });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  // The secret is only needed on this page: drop it from memory once confirmed. The recovery
  // codes are shown before moving on.
  const form = useSecondFactorForm(confirmEnrolment, (result) => {
    queryClient.removeQueries({ queryKey: enrolmentQuery.queryKey });
    setRecoveryCodes(result.recoveryCodes);
    return 'stay';
  });

  if (recoveryCodes) return <RecoveryCodesPanel codes={recoveryCodes} onContinue={() => void form.done()} />;
  if (me.isError) return <SessionCheckError error={me.error} onRetry={() => void me.refetch()} />;
  if (me.isPending) return <LoadingState />;
  if (me.data.state === 'mfa_required') return <Navigate to="/mfa" replace state={location.state} />;
  if (me.data.state === 'enrolment_link_required') return <Navigate to="/mfa/link-required" replace />;
  if (me.data.state === 'active') return <Navigate to="/participants" replace />;

  return (
    <Stack gap="lg">
      <FormIntro title={t('enrol.title')} intro={t('enrol.intro')} />

      <List type="ordered" spacing="lg" styles={{ itemWrapper: { display: 'block' } }}>
        <List.Item>
          <Text fw={500}>{t('enrol.stepInstall')}</Text>
          <Text size="sm" c="dimmed">
            {t('enrol.appExamples')}
          </Text>
        </List.Item>
        <List.Item>
          <Text fw={500}>{t('enrol.stepScan')}</Text>
          {enrolment.isPending && <LoadingState minHeight={200} />}
          {enrolment.isError && (
            <ErrorState message={errorMessage(enrolment.error)} onRetry={() => void enrolment.refetch()} />
          )}
          {enrolment.data && (
            <Stack gap="sm" mt="sm">
              <Image
                src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.data.qrCodeSvg)}`}
                alt={t('enrol.qrAlt')}
                w={200}
                h={200}
                bg="white"
                p={8}
                style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
              />
              <Text size="sm">{t('enrol.manualKey')}</Text>
              <Group>
                <Code
                  fz="md"
                  px="sm"
                  py={6}
                  style={{ wordBreak: 'normal', lineHeight: 1.8 }}
                  data-testid="totp-secret"
                >
                  {groupKey(enrolment.data.secret)}
                </Code>
              </Group>
            </Stack>
          )}
        </List.Item>
        <List.Item>
          <form onSubmit={form.submit} noValidate>
            <Stack gap="md">
              <Text fw={500}>{t('enrol.stepConfirm')}</Text>
              {form.failure && (
                <Alert variant="light" color="red" role="alert">
                  {form.failure}
                </Alert>
              )}
              <CodeField
                ref={form.inputRef}
                value={form.code}
                onChange={form.setCode}
                error={form.formatError}
              />
              <Button type="submit" loading={form.pending} disabled={!enrolment.data} size="md">
                {t('enrol.submit')}
              </Button>
            </Stack>
          </form>
        </List.Item>
      </List>

      <Anchor component="button" type="button" size="sm" onClick={() => void signOut('signed_out')}>
        {t('enrol.later')}
      </Anchor>
    </Stack>
  );
}
