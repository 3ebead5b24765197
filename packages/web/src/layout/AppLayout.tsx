/** Frame of every signed-in page: header, navigation (a burger menu on phones) and content. */
import { Anchor, AppShell, Badge, Box, Burger, Divider, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { meQuery } from '../auth/api';
import { IdleTimeoutGuard } from '../auth/IdleTimeoutGuard';
import { StepUpDialog } from '../auth/StepUpDialog';
import { Brand } from './Brand';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NavLinks } from './NavLinks';
import { UserMenu } from './UserMenu';

const NAV_ID = 'main-navigation';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (!me.data) return null; // RequireAuth renders this only once the session is known
  const { user, organization, demo } = me.data;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}
    >
      <Anchor href="#main-content" className="skip-link">
        {t('layout.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'lg' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('layout.menu')}
              aria-expanded={opened}
              aria-controls={NAV_ID}
            />
            <Brand compactOnPhone />
            <Divider orientation="vertical" visibleFrom="md" />
            <Text size="sm" c="dark.5" visibleFrom="md" truncate="end" maw={260}>
              {organization.name}
            </Text>
            {demo && (
              <Badge color="yellow.2" c="dark.8" variant="filled" visibleFrom="lg">
                {t('demo.badge')}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id={NAV_ID}
        p="md"
        aria-label={t('layout.navigation')}
        // Off-screen links must not be reachable by keyboard while the phone menu is closed.
        inert={isPhone && !opened}
      >
        <Box hiddenFrom="md" mb="md" px="xs">
          <Text size="xs" c="dark.4">
            {t('layout.organization')}
          </Text>
          <Text size="sm" fw={500}>
            {organization.name}
          </Text>
        </Box>
        <NavLinks isAdministrator={user.roles.includes('administrator')} onNavigate={close} />
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <DemoBanner />
        <Box p={{ base: 'md', sm: 'xl' }} maw={1280}>
          <Outlet />
        </Box>
      </AppShell.Main>
      <IdleTimeoutGuard />
      <StepUpDialog />
    </AppShell>
  );
}
