/** The one-time link just made, shown once for the administrator to hand over. */
import type { TSetupLink } from '@cope/contracts';
import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormatter } from '../auth/date-time';

export function SetupLinkModal({
  link,
  name,
  onClose,
}: {
  link: TSetupLink | null;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formatDateTime = useDateTimeFormatter();
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={link !== null}
      onClose={close}
      size="lg"
      title={
        link?.kind === 'second_factor'
          ? t('admin.link.resetTitle', { name })
          : t('admin.link.title', { name })
      }
    >
      {link && (
        <Stack gap="md">
          <Text size="sm">
            {link.kind === 'second_factor' ? t('admin.link.resetIntro') : t('admin.link.intro')}
          </Text>
          <Code
            block
            fz="sm"
            style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
            data-testid="setup-link"
          >
            {link.url}
          </Code>
          <Alert variant="light" color="yellow">
            {t('admin.link.once', { date: formatDateTime(link.expiresAt) })}
          </Alert>
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              leftSection={<IconCopy size={16} aria-hidden="true" />}
              onClick={() => void copy()}
            >
              {copied ? t('admin.link.copied') : t('admin.link.copy')}
            </Button>
            <Button onClick={close}>{t('admin.link.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
