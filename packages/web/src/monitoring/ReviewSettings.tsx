/**
 * How often every case of the organization is reviewed, in months. Coordinators and
 * administrators change it; each case's next review counts from its last one.
 */
import { ZItinerarySettings } from '@cope/contracts';
import { REVIEW_MONTHS_MAX, REVIEW_MONTHS_MIN } from '@cope/domain';
import { Button, Group, NumberInput, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { itinerarySettingsQuery, saveItinerarySettings } from './api';

export function ReviewSettings({ reviewMonths }: { reviewMonths: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [months, setMonths] = useState<number | string>(reviewMonths);
  // Whether the months are out of range; put in words when shown, in the current language.
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: (value: number) => saveItinerarySettings({ reviewMonths: value }),
    onSuccess: async (settings) => {
      queryClient.setQueryData(itinerarySettingsQuery.queryKey, settings);
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      setSaved(true);
    },
    onError: (failure) => {
      if (isApiError(failure, 'VALIDATION_FAILED')) setInvalid(true);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = ZItinerarySettings.safeParse({
      reviewMonths: typeof months === 'number' ? months : Number.NaN,
    });
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    save.mutate(parsed.data.reviewMonths);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('monitoring.settings.title')}>
      <Text size="sm" mb="sm">
        {t('monitoring.settings.intro')}
      </Text>
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('monitoring.settings.months')}
          value={months}
          onChange={(value) => {
            setMonths(value);
            setSaved(false);
          }}
          min={REVIEW_MONTHS_MIN}
          max={REVIEW_MONTHS_MAX}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          error={
            invalid
              ? t('monitoring.settings.range', { min: REVIEW_MONTHS_MIN, max: REVIEW_MONTHS_MAX })
              : undefined
          }
          w={200}
        />
        <Button type="submit" loading={save.isPending}>
          {t('monitoring.settings.save')}
        </Button>
      </Group>
      {save.isError && !isApiError(save.error, 'VALIDATION_FAILED') && (
        <Text c="red.8" size="sm" role="alert" mt="xs">
          {errorMessage(save.error)}
        </Text>
      )}
      <Text size="sm" c="teal.9" fw={500} role="status" mt="xs">
        {saved && !save.isPending ? t('monitoring.settings.saved') : ''}
      </Text>
    </form>
  );
}
