/**
 * Her plan on paper, in a language she reads: the version in force, as a PDF to keep. The
 * interface language is offered first (her preferred language is not part of the case header).
 */
import { CONSENT_FORM_LANGUAGES, type ConsentFormLanguage } from '@cope/domain';
import { Button, Group, Select } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageName } from '../consents/labels';
import { currentLanguage } from '../i18n';
import { planPdfUrl } from './api';

export function PrintPlan({ participantId, version }: { participantId: string; version: number }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const [language, setLanguage] = useState<ConsentFormLanguage>(currentLanguage());
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('plan.print.language')}
        data={CONSENT_FORM_LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))}
        value={language}
        onChange={(value) => value && setLanguage(value as ConsentFormLanguage)}
        allowDeselect={false}
        w={280}
      />
      <Button
        component="a"
        href={planPdfUrl(participantId, language, version)}
        download
        variant="default"
        size="md"
        leftSection={<IconPrinter size={18} aria-hidden="true" />}
      >
        {t('plan.print.download')}
      </Button>
    </Group>
  );
}
