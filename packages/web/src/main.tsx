import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import './i18n';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { forgetSignedInData } from './api/cache';
import { setMfaRequiredHandler, setUnauthenticatedHandler } from './api/client';
import { queryClient } from './api/query-client';
import { meQuery } from './auth/api';
import { hasSeenSession, markSessionSeen, PUBLIC_PATHS } from './auth/navigation';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

const currentPath = () => router.state.location.pathname + router.state.location.search;

// A 401 anywhere: the session is over. Forget what was loaded and go to the sign-in page.
setUnauthenticatedHandler(() => {
  const { pathname } = router.state.location;
  const reason = hasSeenSession() ? 'session_ended' : undefined;
  markSessionSeen(false);
  if (pathname !== '/login' && pathname !== '/setup' && !pathname.startsWith('/invite/')) {
    void router.navigate('/login', {
      replace: true,
      state: { reason, from: PUBLIC_PATHS.includes(pathname) ? undefined : currentPath() },
    });
  }
  setTimeout(() => forgetSignedInData(queryClient), 0);
});

// Signed in with a password but the second factor is missing: finish that step first.
setMfaRequiredHandler(() => {
  const { pathname } = router.state.location;
  if (pathname === '/mfa' || pathname.startsWith('/mfa/')) return;
  void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  void router.navigate('/mfa', { replace: true, state: { from: currentPath() } });
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
