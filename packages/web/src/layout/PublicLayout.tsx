/** Frame of the pages used before signing in: set-up, sign-in and the second factor. */
import { Box, Container, Group, Paper } from '@mantine/core';
import { Outlet, useLocation } from 'react-router';
import { Brand } from './Brand';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitcher } from './LanguageSwitcher';

export function PublicLayout() {
  const { pathname } = useLocation();
  // The set-up form has its own language field (it also sets the account's language).
  const showSwitcher = pathname !== '/setup';
  return (
    <Box mih="100vh" bg="gray.0">
      <header>
        <DemoBanner />
        <Group justify="space-between" wrap="nowrap" px="lg" py="md">
          <Brand />
          {showSwitcher && <LanguageSwitcher />}
        </Group>
      </header>
      <Container
        component="main"
        size={pathname === '/setup' ? 560 : pathname === '/mfa/enrol' ? 520 : 440}
        px="md"
        pb="xl"
        pt="md"
      >
        <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }} shadow="xs">
          <Outlet />
        </Paper>
      </Container>
    </Box>
  );
}
