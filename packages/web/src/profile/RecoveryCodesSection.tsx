/** Her authenticator app and recovery codes: how many are left, and a fresh set when needed. */
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery } from '../auth/api';
import { ConfirmDialog } from '../auth/ConfirmDialog';
import { RecoveryCodesPanel } from '../auth/RecoveryCodesPanel';
import { regenerateRecoveryCodes } from './api';

export function RecoveryCodesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const regenerate = useMutation({
    mutationFn: regenerateRecoveryCodes,
    onSuccess: (result) => {
      setConfirming(false);
      setCodes(result.recoveryCodes);
    },
  });
  const factors = me.data?.secondFactors;
  const left = factors?.recoveryCodesLeft ?? 0;

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="second-factor-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="second-factor-heading">
            {t('profile.secondFactor.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('profile.secondFactor.intro')}
          </Text>
        </div>
        <Group gap="sm">
          <Text size="sm" fw={500}>
            {t('profile.secondFactor.app')}
          </Text>
          <Badge variant="light" color={factors?.totp ? 'green' : 'gray'} c="dark.7">
            {factors?.totp ? t('profile.secondFactor.appReady') : t('profile.secondFactor.appMissing')}
          </Badge>
        </Group>
        <Text size="sm">{t('profile.secondFactor.codesLeft', { count: left })}</Text>
        {left <= 3 && (
          <Alert variant="light" color="yellow" p="sm">
            <Text size="sm">{t('profile.secondFactor.codesLow')}</Text>
          </Alert>
        )}
        <Group>
          <Button variant="default" onClick={() => setConfirming(true)}>
            {t('profile.secondFactor.newCodes')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('profile.secondFactor.newCodesTitle')}
        message={t('profile.secondFactor.newCodesMessage')}
        confirmLabel={t('profile.secondFactor.newCodes')}
        pending={regenerate.isPending}
        failure={
          regenerate.error
            ? isApiError(regenerate.error, 'STEP_UP_REQUIRED')
              ? t('stepUp.cancelled')
              : errorMessage(regenerate.error)
            : null
        }
        onConfirm={() => regenerate.mutate()}
        onClose={() => setConfirming(false)}
      />
      <Modal
        opened={codes !== null}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnEscape={false}
        closeOnClickOutside={false}
        size="lg"
        title={t('profile.secondFactor.newCodesTitle')}
      >
        {codes && (
          <RecoveryCodesPanel
            codes={codes}
            withHeading={false}
            onContinue={() => {
              setCodes(null);
              void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}
