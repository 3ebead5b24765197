/** Lets through only a fully signed-in session; sends the others to the step they still need. */
import type { StaffRole } from '@cope/domain';
import { Container } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { adoptAccountLanguage } from '../i18n';
import { ErrorState, FullPageLoader } from '../layout/PageStates';
import { meQuery, NEXT_STEP } from './api';
import { markSessionSeen } from './navigation';

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useQuery(meQuery);
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const active = me.data?.state === 'active';
  const locale = me.data?.user.locale;

  useEffect(() => {
    if (active) markSessionSeen(true);
  }, [active]);
  useEffect(() => {
    if (locale) adoptAccountLanguage(locale);
  }, [locale]);

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    // The API client is already on its way to the sign-in page.
    if (isApiError(me.error, 'UNAUTHENTICATED') || isApiError(me.error, 'MFA_REQUIRED'))
      return <FullPageLoader />;
    return (
      <Container component="main" size="sm" py="xl">
        <ErrorState message={errorMessage(me.error)} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (me.data.state !== 'active') {
    return (
      <Navigate to={NEXT_STEP[me.data.state]} replace state={{ from: location.pathname + location.search }} />
    );
  }
  return children;
}

/** For pages of one role; the server enforces the same rule on every request. */
export function RequireRole({
  staffRole,
  children,
  fallback,
}: {
  staffRole: StaffRole;
  children: ReactNode;
  fallback: ReactNode;
}) {
  const me = useQuery(meQuery);
  return me.data?.user.roles.includes(staffRole) ? children : fallback;
}
