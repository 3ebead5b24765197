/** Step 5: children and other people who depend on her, where they live, what they need. */
import type { TFamilyStep } from '@cope/contracts';
import { DEPENDANT_LOCATIONS, DEPENDANT_RELATIONS } from '@cope/domain';
import { Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { options, useVocabulary } from '../vocab';
import { AddItemButton, AgeField, errorText, RemoveItemButton } from './common';

export function FamilyFields({ form }: { form: UseFormReturnType<TFamilyStep> }) {
  const { t } = useTranslation();
  const vocab = useVocabulary();
  const dependants = form.values.dependants;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('intake.family.intro')}</Text>
      {dependants.length === 0 && (
        <Text size="sm" c="dark.4">
          {t('intake.family.none')}
        </Text>
      )}
      {dependants.map((dependant, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items have no id of their own
        <Paper key={index} withBorder radius="md" p="sm">
          <Group justify="space-between" mb="xs">
            <Text fw={600} size="sm">
              {t('intake.family.person', { number: index + 1 })}
            </Text>
            <RemoveItemButton
              label={t('intake.family.remove', { number: index + 1 })}
              onClick={() => form.removeListItem('dependants', index)}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Select
              label={t('intake.family.relation')}
              data={options(DEPENDANT_RELATIONS, vocab.relation)}
              allowDeselect={false}
              {...form.getInputProps(`dependants.${index}.relation`)}
            />
            <AgeField
              label={t('intake.family.age')}
              value={dependant.age}
              onChange={(value) => form.setFieldValue(`dependants.${index}.age`, value)}
              error={errorText(form.errors[`dependants.${index}.age`])}
            />
            <Select
              label={t('intake.family.where')}
              data={options(DEPENDANT_LOCATIONS, vocab.location)}
              allowDeselect={false}
              {...form.getInputProps(`dependants.${index}.where`)}
            />
          </SimpleGrid>
          <TextInput
            mt="sm"
            label={t('intake.family.needs')}
            {...form.getInputProps(`dependants.${index}.needs`)}
          />
        </Paper>
      ))}
      <AddItemButton
        label={t('intake.family.add')}
        onClick={() =>
          form.insertListItem('dependants', { relation: 'child', age: null, where: 'with_her', needs: '' })
        }
      />
    </Stack>
  );
}
