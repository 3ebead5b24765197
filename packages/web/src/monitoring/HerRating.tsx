/**
 * Her own rating in an open round: hand her the screen where she rates herself, or record that
 * she prefers not to; once either is done, say when and in which language. Hers is given once.
 */
import type { TRound } from '@cope/contracts';
import { CONSENT_FORM_LANGUAGES, type ParticipantLanguage } from '@cope/domain';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconDeviceTablet } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { useLanguageName } from '../consents/labels';
import { useDateFormatter } from '../participants/labels';
import { refreshAfterRound, saveSelf } from './api';

export function HerRating({
  participantId,
  round,
  canRate,
  error,
  onOpen,
}: {
  participantId: string;
  round: TRound;
  canRate: boolean;
  error: string | undefined;
  /** Saves the draft, then opens her screen. */
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const formatDate = useDateFormatter();
  const [declining, setDeclining] = useState(false);

  if (round.selfRecordedAt && round.selfLanguage) {
    const when = formatDate(round.selfRecordedAt);
    const language = languageName(round.selfLanguage);
    return (
      <Text size="sm" fw={500}>
        {round.selfDeclined
          ? t('monitoring.her.declinedOn', { date: when, language })
          : t('monitoring.her.ratedOn', { date: when, language })}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">{t('monitoring.her.intro')}</Text>
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
      {canRate && !declining && (
        <Group gap="sm">
          <Button leftSection={<IconDeviceTablet size={16} aria-hidden="true" />} onClick={onOpen}>
            {t('monitoring.her.open')}
          </Button>
          <Button variant="default" onClick={() => setDeclining(true)}>
            {t('monitoring.her.decline')}
          </Button>
        </Group>
      )}
      {canRate && declining && (
        <DeclineForm participantId={participantId} roundId={round.id} onDone={() => setDeclining(false)} />
      )}
    </Stack>
  );
}

function DeclineForm({
  participantId,
  roundId,
  onDone,
}: {
  participantId: string;
  roundId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const languageName = useLanguageName();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<ParticipantLanguage | null>(null);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: (chosen: ParticipantLanguage) =>
      saveSelf(participantId, roundId, { language: chosen, declined: true, ratings: {} }),
    onSuccess: async () => {
      // The answer says only where her rating stands: her monitoring (the round with her choice,
      // under ['participants']) is read again.
      await refreshAfterRound(queryClient);
      onDone();
    },
    onError: async (error) => {
      // Someone recorded her rating meanwhile: show what is kept.
      if (isApiError(error, 'CONFLICT')) await refreshAfterRound(queryClient);
    },
  });
  return (
    <Stack gap="xs" maw={420}>
      <Select
        label={t('monitoring.her.declineLanguage')}
        description={t('monitoring.her.declineHelp')}
        data={CONSENT_FORM_LANGUAGES.map((value) => ({ value, label: languageName(value) }))}
        value={language}
        onChange={(value) => {
          setLanguage(CONSENT_FORM_LANGUAGES.find((code) => code === value) ?? null);
          setMissing(false);
        }}
        error={missing ? t('monitoring.her.declineLanguageMissing') : undefined}
        allowDeselect={false}
        required
      />
      {save.isError && (
        <Text size="sm" c="red.8" role="alert">
          {isApiError(save.error, 'CONFLICT') ? t('monitoring.her.alreadyKept') : errorMessage(save.error)}
        </Text>
      )}
      <Group gap="sm">
        <Button
          loading={save.isPending}
          onClick={() => {
            if (!language) setMissing(true);
            else save.mutate(language);
          }}
        >
          {t('monitoring.her.declineSave')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('monitoring.common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
