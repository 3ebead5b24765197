/** Step 1: how she wants to be called, her legal identity, citizenship and documents. */
import type { TPersonStep } from '@cope/contracts';
import { DOCUMENT_KINDS } from '@cope/domain';
import { Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { options, useIsoNames, useVocabulary } from '../vocab';
import { AddItemButton, AgeField, errorText, RemoveItemButton } from './common';

export function PersonFields({ form }: { form: UseFormReturnType<TPersonStep> }) {
  const { t } = useTranslation();
  const vocab = useVocabulary();
  const iso = useIsoNames();
  const documents = form.values.documents;
  return (
    <Stack gap="md">
      <TextInput
        label={t('intake.person.preferredName')}
        description={t('intake.person.preferredNameHelp')}
        withAsterisk
        autoComplete="off"
        {...form.getInputProps('preferredName')}
      />
      <TextInput
        label={t('intake.person.legalName')}
        description={t('intake.person.legalNameHelp')}
        autoComplete="off"
        {...form.getInputProps('legalName')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput type="date" label={t('intake.person.birthDate')} {...form.getInputProps('birthDate')} />
        <AgeField
          label={t('intake.person.approximateAge')}
          description={t('intake.person.approximateAgeHelp')}
          value={form.values.approximateAge}
          onChange={(value) => form.setFieldValue('approximateAge', value)}
          error={errorText(form.errors.approximateAge)}
        />
      </SimpleGrid>
      <Select
        label={t('intake.person.citizenship')}
        data={iso.countryOptions}
        searchable
        clearable
        nothingFoundMessage={t('intake.nothingFound')}
        {...form.getInputProps('citizenship')}
      />
      <Stack gap="xs">
        <Text fw={500} size="sm" id="documents-heading">
          {t('intake.person.documents')}
        </Text>
        {documents.length === 0 && (
          <Text size="sm" c="dark.4">
            {t('intake.person.noDocuments')}
          </Text>
        )}
        {documents.map((_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items have no id of their own
          <Group key={index} align="flex-start" gap="sm" wrap="wrap">
            <Select
              label={t('intake.person.documentKind')}
              data={options(DOCUMENT_KINDS, vocab.document)}
              allowDeselect={false}
              w={{ base: '100%', xs: 200 }}
              {...form.getInputProps(`documents.${index}.kind`)}
            />
            <TextInput
              label={t('intake.person.documentNumber')}
              autoComplete="off"
              style={{ flex: '1 1 180px' }}
              {...form.getInputProps(`documents.${index}.number`)}
            />
            <RemoveItemButton
              alignWithInput
              label={t('intake.person.removeDocument', { number: index + 1 })}
              onClick={() => form.removeListItem('documents', index)}
            />
          </Group>
        ))}
        <AddItemButton
          label={t('intake.person.addDocument')}
          onClick={() => form.insertListItem('documents', { kind: 'passport', number: '' })}
        />
      </Stack>
    </Stack>
  );
}
