/**
 * Step 6: how to reach her safely. Phones may be read by the people who controlled her: the
 * notice says so, and that no case information ever goes by phone.
 */
import type { TContactStep } from '@cope/contracts';
import { CONTACT_CHANNELS } from '@cope/domain';
import { Alert, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { options, useVocabulary } from '../vocab';
import { AddItemButton, ChoiceList, errorText, RemoveItemButton, YesNoField } from './common';

export function PhoneNotice() {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      // The light variant's coloured title is too faint on its background; dark text reads well.
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
      variant="light"
      role="note"
      icon={<IconAlertTriangle size={18} aria-hidden="true" />}
      title={t('intake.contact.noticeTitle')}
    >
      <Text size="sm">{t('intake.contact.notice')}</Text>
    </Alert>
  );
}

export function ContactFields({ form }: { form: UseFormReturnType<TContactStep> }) {
  const { t } = useTranslation();
  const vocab = useVocabulary();
  return (
    <Stack gap="md">
      <PhoneNotice />
      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t('intake.contact.phones')}
        </Text>
        {form.values.phones.length === 0 && (
          <Text size="sm" c="dark.4">
            {t('intake.contact.noPhones')}
          </Text>
        )}
        {form.values.phones.map((_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items have no id of their own
          <Group key={index} align="flex-start" gap="sm" wrap="nowrap">
            <TextInput
              type="tel"
              label={t('intake.contact.phone', { number: index + 1 })}
              autoComplete="off"
              style={{ flex: 1 }}
              {...form.getInputProps(`phones.${index}`)}
            />
            <RemoveItemButton
              alignWithInput
              label={t('intake.contact.removePhone', { number: index + 1 })}
              onClick={() => form.removeListItem('phones', index)}
            />
          </Group>
        ))}
        <AddItemButton
          label={t('intake.contact.addPhone')}
          onClick={() => form.insertListItem('phones', '')}
        />
      </Stack>
      <Textarea label={t('intake.contact.address')} autosize minRows={2} {...form.getInputProps('address')} />
      <ChoiceList
        label={t('intake.contact.safeChannels')}
        description={t('intake.contact.safeChannelsHelp')}
        choices={options(CONTACT_CHANNELS, vocab.channel)}
        value={form.values.safeChannels}
        onChange={(value) => form.setFieldValue('safeChannels', value)}
        error={errorText(form.errors.safeChannels)}
      />
      <TextInput
        label={t('intake.contact.safeTimes')}
        description={t('intake.contact.safeTimesHelp')}
        {...form.getInputProps('safeTimes')}
      />
      <YesNoField
        label={t('intake.contact.mayLeaveMessage')}
        value={form.values.mayLeaveMessage}
        onChange={(value) => form.setFieldValue('mayLeaveMessage', value)}
        error={errorText(form.errors.mayLeaveMessage)}
      />
      <TextInput
        label={t('intake.contact.codeWord')}
        description={t('intake.contact.codeWordHelp')}
        autoComplete="off"
        {...form.getInputProps('codeWord')}
      />
    </Stack>
  );
}
