/** Step 7: the first risk screening. Any "yes" brings the full risk assessment forward to tomorrow. */
import type { TScreeningStep } from '@cope/contracts';
import { Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { errorText, TriStateField } from './common';

export function ScreeningFields({ form }: { form: UseFormReturnType<TScreeningStep> }) {
  const { t } = useTranslation();
  const question = (field: 'immediateDanger' | 'exploitersKnowAddress' | 'ongoingContact', label: string) => (
    <TriStateField
      label={label}
      value={form.values[field]}
      onChange={(value) => form.setFieldValue(field, value)}
      error={errorText(form.errors[field])}
    />
  );
  return (
    <Stack gap="md">
      <Text size="sm">{t('intake.screening.intro')}</Text>
      {question('immediateDanger', t('intake.screening.immediateDanger'))}
      {question('exploitersKnowAddress', t('intake.screening.exploitersKnowAddress'))}
      {question('ongoingContact', t('intake.screening.ongoingContact'))}
      <Textarea label={t('intake.screening.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </Stack>
  );
}
