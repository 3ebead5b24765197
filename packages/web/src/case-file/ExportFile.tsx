/**
 * Her file, for her: everything the organization holds about her, as a PDF she can read in her
 * language, or as data another service can take over. Behind a fresh second factor.
 */
import { CONSENT_FORM_LANGUAGES, type ConsentFormLanguage } from '@cope/domain';
import { Alert, Button, Group, Paper, Select, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { download } from './api';
import { useExportLanguageName } from './labels';

const isExportLanguage = (value: string): value is ConsentFormLanguage =>
  (CONSENT_FORM_LANGUAGES as readonly string[]).includes(value);

export function ExportFile({ participantId, caseCode }: { participantId: string; caseCode: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const languageName = useExportLanguageName();
  const interfaceLanguage = i18n.language.slice(0, 2);
  const [language, setLanguage] = useState<ConsentFormLanguage>(
    isExportLanguage(interfaceLanguage) ? interfaceLanguage : 'en',
  );
  const options = useMemo(
    () => CONSENT_FORM_LANGUAGES.map((code) => ({ value: code, label: languageName(code) })),
    [languageName],
  );
  const exportFile = useMutation({
    mutationFn: (format: 'pdf' | 'json') =>
      format === 'pdf'
        ? download(
            `/api/participants/${participantId}/export.pdf?language=${language}`,
            `case-file-${caseCode}-${language}.pdf`,
          )
        : download(`/api/participants/${participantId}/export.json`, `case-file-${caseCode}.json`),
  });

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      component="section"
      aria-labelledby="export-title"
    >
      <Text fw={600} fz="lg" component="h2" id="export-title">
        {t('caseFile.export.title')}
      </Text>
      <Text size="sm" c="dark.5" mt={4} mb="md">
        {t('caseFile.export.intro')}
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('caseFile.export.language')}
          data={options}
          value={language}
          onChange={(value) => value && isExportLanguage(value) && setLanguage(value)}
          allowDeselect={false}
          w={{ base: '100%', xs: 260 }}
        />
        <Button
          leftSection={<IconDownload size={18} aria-hidden="true" />}
          loading={exportFile.isPending && exportFile.variables === 'pdf'}
          disabled={exportFile.isPending}
          onClick={() => exportFile.mutate('pdf')}
        >
          {t('caseFile.export.pdf')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden="true" />}
          loading={exportFile.isPending && exportFile.variables === 'json'}
          disabled={exportFile.isPending}
          onClick={() => exportFile.mutate('json')}
        >
          {t('caseFile.export.json')}
        </Button>
      </Group>
      <Text size="sm" c="dark.4" mt="sm">
        {t('caseFile.export.care')}
      </Text>
      {exportFile.isSuccess && (
        <Text role="status" mt="md" c="teal.9">
          {t('caseFile.export.done')}
        </Text>
      )}
      {exportFile.isError && (
        <Alert color="red" variant="light" mt="md" role="alert">
          {errorMessage(exportFile.error)}
        </Alert>
      )}
    </Paper>
  );
}
