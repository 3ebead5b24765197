/** Shared loading and failure displays, so every page says the same things the same way. */
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function LoadingState({ label, minHeight = 240 }: { label?: string; minHeight?: number | string }) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden="true" />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function FullPageLoader() {
  return <LoadingState minHeight="100vh" />;
}

export function ErrorState({
  title,
  message,
  onRetry,
  children,
  tone = 'error',
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
  children?: ReactNode;
  /** 'info' for expected limits such as a role without access: nothing is broken. */
  tone?: 'error' | 'info';
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color={tone === 'error' ? 'red' : 'petrol'}
      variant="light"
      icon={tone === 'error' ? <IconAlertTriangle aria-hidden="true" /> : <IconLock aria-hidden="true" />}
      title={title ?? t('errors.title')}
      role={tone === 'error' ? 'alert' : undefined}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        {children}
        {onRetry && (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('common.tryAgain')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
