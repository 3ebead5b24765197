import { Box, Group, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../auth/api';
import { setupStatusQuery } from '../setup/api';

/** Shown on every page of a demo installation, so invented data is never mistaken for real. */
export function DemoBanner() {
  const { t } = useTranslation();
  const setup = useQuery(setupStatusQuery);
  const me = useQuery({ ...meQuery, enabled: false });
  if (!setup.data?.demo && !me.data?.demo) return null;
  return (
    <Box
      data-testid="demo-banner"
      px="md"
      py={8}
      style={{
        background: 'var(--mantine-color-yellow-1)',
        borderBottom: '1px solid var(--mantine-color-yellow-4)',
      }}
    >
      <Group gap="xs" justify="center" wrap="nowrap">
        <IconFlask size={18} aria-hidden="true" style={{ flexShrink: 0 }} />
        <Text size="sm" c="dark.8">
          <strong>{t('demo.label')}</strong> {t('demo.banner')}
        </Text>
      </Group>
    </Box>
  );
}
