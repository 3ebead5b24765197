/** Step 4: asylum and her current legal situation (several may apply). */
import type { TLegalStep } from '@cope/contracts';
import { LEGAL_SITUATIONS } from '@cope/domain';
import { Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { options, useVocabulary } from '../vocab';
import { ChoiceList, errorText, YesNoField } from './common';

export function LegalFields({ form }: { form: UseFormReturnType<TLegalStep> }) {
  const { t } = useTranslation();
  const vocab = useVocabulary();
  return (
    <Stack gap="md">
      <YesNoField
        label={t('intake.legal.asylumSeeker')}
        value={form.values.asylumSeeker}
        onChange={(value) => form.setFieldValue('asylumSeeker', value)}
        error={errorText(form.errors.asylumSeeker)}
      />
      <ChoiceList
        label={t('intake.legal.legalSituations')}
        description={t('intake.legal.legalSituationsHelp')}
        choices={options(LEGAL_SITUATIONS, vocab.legal)}
        value={form.values.legalSituations}
        onChange={(value) => form.setFieldValue('legalSituations', value)}
        error={errorText(form.errors.legalSituations)}
      />
    </Stack>
  );
}
