/**
 * The organization's reassessment settings on the Safety page: days until the next
 * reassessment for each risk level, and how close to a risk area an address counts as near it.
 * Coordinators and administrators change them; everyone else reads them. A change applies to
 * assessments saved from then on.
 */
import { type TSafetySettings, type TSafetySettingsView, ZSafetySettings } from '@cope/contracts';
import { RISK_LEVELS, type RiskLevel } from '@cope/domain';
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useRiskLabels } from '../participants/labels';
import { safetySettingsQuery, saveSafetySettings } from './api';

export function SafetySettingsPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const settings = useQuery(safetySettingsQuery);
  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'xl' }}
      maw={720}
      component="section"
      aria-labelledby="safety-settings-title"
    >
      <Text fw={600} component="h2" fz="lg" mb="xs" id="safety-settings-title">
        {t('incidents.settings.title')}
      </Text>
      <Text size="sm" c="dark.4" mb="xs">
        {t('incidents.settings.intro')}
      </Text>
      <Text size="sm" fw={500} mb="md">
        {t('incidents.settings.appliesFromNow')}
      </Text>
      {settings.isPending && <LoadingState minHeight={120} />}
      {settings.isError && (
        <ErrorState message={errorMessage(settings.error)} onRetry={() => void settings.refetch()} />
      )}
      {settings.data && <SettingsForm current={settings.data} />}
    </Paper>
  );
}

type Field = `reassessmentDays.${RiskLevel}` | 'nearAreaMeters';

function SettingsForm({ current }: { current: TSafetySettingsView }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const riskLabels = useRiskLabels();
  const queryClient = useQueryClient();
  const [days, setDays] = useState<Record<RiskLevel, number | string>>(current.reassessmentDays);
  const [meters, setMeters] = useState<number | string>(current.nearAreaMeters);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);
  const readOnly = !current.canEdit;
  const messageFor = (field: Field) =>
    field === 'nearAreaMeters' ? t('incidents.settings.errors.meters') : t('incidents.settings.errors.days');

  const save = useMutation({
    mutationFn: (body: TSafetySettings) => saveSafetySettings(body),
    onSuccess: (view) => {
      queryClient.setQueryData(safetySettingsQuery.queryKey, view);
      setSaved(true);
    },
    onError: (error) => {
      if (!isApiError(error, 'VALIDATION_FAILED')) return;
      setErrors(
        Object.fromEntries(error.details.map((issue) => [issue.field, messageFor(issue.field as Field)])),
      );
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = ZSafetySettings.safeParse({
      reassessmentDays: Object.fromEntries(RISK_LEVELS.map((level) => [level, asNumber(days[level])])),
      nearAreaMeters: asNumber(meters),
    });
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((issue) => {
            const field = issue.path.join('.') as Field;
            // The one rule across fields: a higher level is reassessed at least as often.
            return [
              field,
              issue.code === 'custom' ? t('incidents.settings.errors.order') : messageFor(field),
            ];
          }),
        ),
      );
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {readOnly && (
          <Text size="sm" c="dark.5">
            {t('incidents.settings.readOnly')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {[...RISK_LEVELS].reverse().map((level) => (
            <NumberInput
              key={level}
              label={t('incidents.settings.days', { level: riskLabels[level].toLowerCase() })}
              value={days[level]}
              onChange={(value) => setDays({ ...days, [level]: value })}
              min={1}
              max={730}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              readOnly={readOnly}
              error={errors[`reassessmentDays.${level}`]}
            />
          ))}
        </SimpleGrid>
        <NumberInput
          label={t('incidents.settings.nearArea')}
          value={meters}
          onChange={setMeters}
          min={0}
          max={5000}
          step={50}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          readOnly={readOnly}
          error={errors.nearAreaMeters}
          maw={{ base: '100%', sm: 'calc(50% - 8px)' }}
        />
        {save.isError && !isApiError(save.error, 'VALIDATION_FAILED') && (
          <Text c="red.8" size="sm" role="alert">
            {errorMessage(save.error)}
          </Text>
        )}
        <Text size="sm" c="teal.9" fw={500} role="status">
          {saved && !save.isPending ? t('incidents.settings.saved') : ''}
        </Text>
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('incidents.settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** What a number field holds, as a number ('' and partial input read as not a number). */
function asNumber(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  const parsed = Number(value);
  return value.trim() === '' || Number.isNaN(parsed) ? undefined : parsed;
}
