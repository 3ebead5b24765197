/** Step 3: her arrival and who referred her, and what happened (HTCDS vocabularies). */
import type { TJourneyStep } from '@cope/contracts';
import { CONTROL_METHODS, EXPLOITATION_FORMS, REFERRAL_SOURCES, TRAFFICKING_STATUSES } from '@cope/domain';
import { MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { options, useVocabulary } from '../vocab';
import { ChoiceList, errorText } from './common';

export function JourneyFields({ form }: { form: UseFormReturnType<TJourneyStep> }) {
  const { t } = useTranslation();
  const vocab = useVocabulary();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput
          type="date"
          label={t('intake.journey.arrivalDate')}
          {...form.getInputProps('arrivalDate')}
        />
        <Select
          label={t('intake.journey.referralSource')}
          data={options(REFERRAL_SOURCES, vocab.referral)}
          clearable
          {...form.getInputProps('referralSource')}
        />
      </SimpleGrid>
      <Select
        label={t('intake.journey.traffickingStatus')}
        description={t('intake.journey.traffickingStatusHelp')}
        data={options(TRAFFICKING_STATUSES, vocab.trafficking)}
        clearable
        {...form.getInputProps('traffickingStatus')}
      />
      <ChoiceList
        label={t('intake.journey.exploitationForms')}
        choices={options(EXPLOITATION_FORMS, vocab.exploitation)}
        value={form.values.exploitationForms}
        onChange={(value) => form.setFieldValue('exploitationForms', value)}
        error={errorText(form.errors.exploitationForms)}
      />
      <MultiSelect
        label={t('intake.journey.controlMethods')}
        description={t('intake.journey.controlMethodsHelp')}
        data={options(CONTROL_METHODS, vocab.control)}
        searchable
        clearable
        nothingFoundMessage={t('intake.nothingFound')}
        {...form.getInputProps('controlMethods')}
      />
    </Stack>
  );
}
