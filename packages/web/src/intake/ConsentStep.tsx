/**
 * The last intake step: her consent to record keeping, recorded with the consent register's own
 * form, then completing the intake. Without that consent the server refuses to complete and
 * says which consent is missing.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { RecordConsentForm } from '../consents/RecordConsentForm';
import { completeIntake } from './api';

export function ConsentStep({
  participantId,
  caseCode,
  consentOnFile,
  back,
}: {
  participantId: string;
  caseCode: string;
  consentOnFile: boolean;
  back: ReactNode;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [recorded, setRecorded] = useState(consentOnFile);
  const complete = useMutation({
    mutationFn: () => completeIntake(participantId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      navigate(`/participants/${participantId}`);
    },
  });

  return (
    <Stack gap="md">
      {recorded ? (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck size={18} aria-hidden="true" />}
          role="status"
        >
          <Text size="sm">{t('intake.consent.onFile')}</Text>
        </Alert>
      ) : (
        <>
          <Text size="sm">{t('intake.consent.intro')}</Text>
          <RecordConsentForm
            participantId={participantId}
            purpose="record_keeping"
            onSaved={() => {
              setRecorded(true);
              // An earlier refusal no longer holds once her consent is on file.
              complete.reset();
            }}
          />
        </>
      )}
      <Stack gap="xs" mt="md">
        <Text size="sm" c="dark.5">
          {t('intake.consent.completeHelp', { caseCode })}
        </Text>
        {complete.isError && (
          <Text c="red.8" size="sm" role="alert">
            {isApiError(complete.error, 'CONSENT_REQUIRED')
              ? t('intake.consent.missing')
              : errorMessage(complete.error)}
          </Text>
        )}
        <Group justify="space-between">
          {back}
          <Button onClick={() => complete.mutate()} loading={complete.isPending}>
            {t('intake.consent.complete')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
