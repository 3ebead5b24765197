/**
 * Ten new recovery codes, shown once: she copies, downloads or prints them, and says she has
 * kept them before moving on. The codes leave memory with this component.
 */
import { Alert, Button, Checkbox, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  codes: string[];
  onContinue: () => void;
  /** False inside a dialog that already carries the title. */
  withHeading?: boolean;
}

export function RecoveryCodesPanel({ codes, onContinue, withHeading = true }: Props) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = `${t('recovery.fileHeading')}\n\n${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'cope-and-hope-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="md">
      <div>
        {withHeading && (
          <Title order={1} size="h2">
            {t('recovery.title')}
          </Title>
        )}
        <Text c="dimmed" mt={withHeading ? 4 : 0}>
          {t('recovery.intro')}
        </Text>
      </div>
      <Alert variant="light" color="yellow" role="status">
        {t('recovery.onlyOnce')}
      </Alert>
      <SimpleGrid
        cols={{ base: 1, xs: 2 }}
        spacing="xs"
        component="ol"
        style={{ margin: 0, paddingLeft: 24 }}
      >
        {codes.map((code) => (
          <li key={code}>
            <Code fz="md" data-testid="recovery-code">
              {code}
            </Code>
          </li>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconCopy size={16} aria-hidden="true" />}
          onClick={() => void copy()}
        >
          {copied ? t('recovery.copied') : t('recovery.copy')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden="true" />}
          onClick={download}
        >
          {t('recovery.download')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} aria-hidden="true" />}
          onClick={() => window.print()}
        >
          {t('recovery.print')}
        </Button>
      </Group>
      <Checkbox
        label={t('recovery.savedConfirm')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Button onClick={onContinue} disabled={!saved} size="md">
        {t('recovery.continue')}
      </Button>
    </Stack>
  );
}
