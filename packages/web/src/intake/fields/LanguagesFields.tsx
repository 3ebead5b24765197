/** Step 2: the languages she speaks, the one she prefers, and whether she needs an interpreter. */
import type { TLanguagesStep } from '@cope/contracts';
import { MultiSelect, Select, Stack, Switch } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useIsoNames } from '../vocab';

export function LanguagesFields({ form }: { form: UseFormReturnType<TLanguagesStep> }) {
  const { t } = useTranslation();
  const iso = useIsoNames();
  const spoken = form.values.languages.map((code) => ({ value: code, label: iso.language(code) }));
  return (
    <Stack gap="md">
      <MultiSelect
        label={t('intake.languages.languages')}
        description={t('intake.languages.languagesHelp')}
        data={iso.languageOptions}
        searchable
        clearable
        nothingFoundMessage={t('intake.nothingFound')}
        {...form.getInputProps('languages')}
      />
      <Select
        label={t('intake.languages.preferredLanguage')}
        description={t('intake.languages.preferredLanguageHelp')}
        data={spoken}
        clearable
        {...form.getInputProps('preferredLanguage')}
      />
      <Switch
        label={t('intake.languages.interpreterNeeded')}
        {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })}
      />
    </Stack>
  );
}
