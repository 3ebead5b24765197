/**
 * Root of every route: waits for the set-up status (it decides where first visits go and
 * whether the demo banner shows) before rendering the page.
 */
import { Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useRouteError } from 'react-router';
import { useErrorMessage } from '../api/use-error-message';
import { useSetupStatus } from '../setup/api';
import { ErrorState, FullPageLoader } from './PageStates';

export function AppRoot() {
  const status = useSetupStatus();
  const errorMessage = useErrorMessage();
  if (status.isPending) return <FullPageLoader />;
  if (status.isError) {
    return (
      <Container component="main" size="sm" py="xl">
        <ErrorState message={errorMessage(status.error)} onRetry={() => void status.refetch()} />
      </Container>
    );
  }
  return <Outlet />;
}

/** "/" leads to set-up on a fresh installation, to the participant list otherwise. */
export function HomeRedirect() {
  const status = useSetupStatus();
  return <Navigate to={status.data?.setupRequired ? '/setup' : '/participants'} replace />;
}

/** Shown when rendering a page throws: no technical detail, a way back. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Container component="main" size="sm" py="xl">
      <ErrorState message={t('errors.unexpected')} onRetry={() => window.location.reload()} />
    </Container>
  );
}
