/**
 * Her legal identity, shown only on request: the reveal is audited, and for a protected witness
 * the server first asks for a fresh second factor (the step-up dialog handles that).
 */
import { ZParticipantIdentity } from '@cope/contracts';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';

export function IdentityReveal({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [asked, setAsked] = useState(false);
  const identity = useQuery({
    queryKey: ['participants', 'identity', participantId],
    queryFn: ({ signal }) =>
      api(`/api/participants/${participantId}/identity`, ZParticipantIdentity, { signal }),
    enabled: asked,
    // Her legal identity is fetched again each time it is asked for, and never kept around.
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });

  if (!asked) {
    return (
      <Button variant="outline" onClick={() => setAsked(true)} mb="md">
        {t('identity.reveal')}
      </Button>
    );
  }
  if (identity.isError) {
    return (
      <Text c="red.8" role="alert" mb="md">
        {errorMessage(identity.error)}
      </Text>
    );
  }
  if (!identity.data) return null;
  return (
    <Alert color="blue" variant="light" mb="md" title={t('identity.title')}>
      <Stack gap={4}>
        {identity.data.protectedWitness && <Text fw={600}>{t('identity.protectedWitness')}</Text>}
        <Text>{t('identity.legalName', { name: identity.data.legalName ?? '—' })}</Text>
        <Text>{t('identity.birthDate', { date: identity.data.birthDate ?? '—' })}</Text>
        <Text size="sm" c="dark.5">
          {t('identity.noPhone')}
        </Text>
      </Stack>
    </Alert>
  );
}
