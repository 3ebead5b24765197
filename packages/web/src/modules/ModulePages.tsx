/**
 * Modules that are not built yet. Each page says so plainly and what the module will do; none
 * shows sample data that could be mistaken for real work.
 */
import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingCommunity, IconHammer, IconReportAnalytics, IconUsersGroup } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';

function ModulePlaceholder({
  title,
  purpose,
  icon: Icon,
}: {
  title: string;
  purpose: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder radius="lg" p="xl" maw={640}>
        <Stack gap="md" align="flex-start">
          <ThemeIcon size={48} radius="xl" variant="light" aria-hidden="true">
            <Icon size={26} stroke={1.6} />
          </ThemeIcon>
          <Text fw={600} size="lg">
            <IconHammer size={18} aria-hidden="true" style={{ verticalAlign: '-3px', marginRight: 6 }} />
            {t('modules.inProgress')}
          </Text>
          <Text>{purpose}</Text>
          <Text size="sm" c="dimmed">
            {t('modules.meanwhile')}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}

export function GroupsPage() {
  const { t } = useTranslation();
  return <ModulePlaceholder title={t('nav.groups')} purpose={t('modules.groups')} icon={IconUsersGroup} />;
}

export function NetworkPage() {
  const { t } = useTranslation();
  return (
    <ModulePlaceholder title={t('nav.network')} purpose={t('modules.network')} icon={IconBuildingCommunity} />
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <ModulePlaceholder title={t('nav.reports')} purpose={t('modules.reports')} icon={IconReportAnalytics} />
  );
}
