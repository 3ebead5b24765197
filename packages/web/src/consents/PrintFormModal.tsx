/**
 * The printable consent form in her language. Purpose, recipient and information may be chosen
 * in advance; what is left open prints as a line to fill in by hand with her.
 */
import {
  CONSENT_FORM_LANGUAGES,
  CONSENT_PURPOSES,
  type ConsentFormLanguage,
  type ConsentPurpose,
  SECTIONS,
  type Section,
  SHARE_AUDIENCES,
} from '@cope/domain';
import { Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSectionLabels } from '../participants/section-labels';
import { formUrl } from './api';
import { useAudienceOptions, useLanguageName, usePurposeLabels } from './labels';

export function PrintFormModal({ participantId, onClose }: { participantId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const purposes = usePurposeLabels();
  const sections = useSectionLabels();
  const audiences = useAudienceOptions(SHARE_AUDIENCES);
  const [language, setLanguage] = useState<ConsentFormLanguage>('es');
  const [purpose, setPurpose] = useState<ConsentPurpose | null>(null);
  const [recipient, setRecipient] = useState<string | null>(null);
  const [categories, setCategories] = useState<Section[]>([]);
  const href = formUrl(participantId, {
    language,
    purpose: purpose ?? undefined,
    recipient: purpose === 'share_section' ? (recipient ?? undefined) : undefined,
    categories,
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('consents.print.title')}
      closeButtonProps={{ 'aria-label': t('consents.close') }}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">{t('consents.print.intro')}</Text>
        <Select
          label={t('consents.print.language')}
          data={CONSENT_FORM_LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))}
          value={language}
          onChange={(value) => value && setLanguage(value as ConsentFormLanguage)}
          allowDeselect={false}
          required
        />
        <Select
          label={t('consents.print.purpose')}
          placeholder={t('consents.print.leaveBlank')}
          data={CONSENT_PURPOSES.map((value) => ({ value, label: purposes[value] }))}
          value={purpose}
          onChange={(value) => setPurpose(value as ConsentPurpose | null)}
          clearable
        />
        {purpose === 'share_section' && (
          <Select
            label={t('consents.form.recipientGroup')}
            placeholder={t('consents.print.leaveBlank')}
            data={audiences}
            value={recipient}
            onChange={setRecipient}
            clearable
          />
        )}
        <MultiSelect
          label={t('consents.form.categories')}
          placeholder={categories.length === 0 ? t('consents.print.leaveBlank') : undefined}
          data={SECTIONS.map((value) => ({ value, label: sections[value] }))}
          value={categories}
          onChange={(value) => setCategories(value as Section[])}
          clearable
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('consents.cancel')}
          </Button>
          <Button component="a" href={href} download>
            {t('consents.print.download')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
