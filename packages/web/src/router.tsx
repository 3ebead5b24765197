/** Every page of the app and what guards it. */
import { createBrowserRouter, Outlet } from 'react-router';
import { AdminPage } from './admin/AdminPage';
import { InvitePage } from './auth/InvitePage';
import { LinkRequiredPage } from './auth/LinkRequiredPage';
import { LoginPage } from './auth/LoginPage';
import { MfaEnrolPage } from './auth/MfaEnrolPage';
import { MfaPage } from './auth/MfaPage';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { IntakePage } from './intake/IntakePage';
import { AppLayout } from './layout/AppLayout';
import { AppRoot, HomeRedirect, RouteError } from './layout/AppRoot';
import { NotAllowedPage, NotFoundPage } from './layout/NotFoundPage';
import { PublicLayout } from './layout/PublicLayout';
import { GroupsPage, NetworkPage, ReportsPage } from './modules/ModulePages';
import { SelfRatingPage } from './monitoring/SelfRatingPage';
import { ParticipantDetailPage } from './participants/ParticipantDetailPage';
import { ParticipantsPage } from './participants/ParticipantsPage';
import { ProfilePage } from './profile/ProfilePage';
import { SafetyPage } from './safety/SafetyPage';
import { SetupPage } from './setup/SetupPage';
import { TasksPage } from './tasks/TasksPage';

export const router = createBrowserRouter([
  {
    element: <AppRoot />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        element: <PublicLayout />,
        children: [
          { path: 'setup', element: <SetupPage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'mfa', element: <MfaPage /> },
          { path: 'mfa/enrol', element: <MfaEnrolPage /> },
          { path: 'mfa/link-required', element: <LinkRequiredPage /> },
          { path: 'invite/:token', element: <InvitePage /> },
        ],
      },
      {
        // She rates herself on a screen of its own: no navigation, nothing else of her case.
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [{ path: 'participants/:participantId/self-rating/:roundId', element: <SelfRatingPage /> }],
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { path: 'participants', element: <ParticipantsPage /> },
          { path: 'participants/new', element: <IntakePage /> },
          { path: 'participants/:participantId/intake', element: <IntakePage /> },
          { path: 'participants/:participantId', element: <ParticipantDetailPage /> },
          { path: 'tasks', element: <TasksPage /> },
          { path: 'safety', element: <SafetyPage /> },
          { path: 'groups', element: <GroupsPage /> },
          { path: 'network', element: <NetworkPage /> },
          { path: 'reports', element: <ReportsPage /> },
          { path: 'profile', element: <ProfilePage /> },
          {
            path: 'admin',
            element: (
              <RequireRole staffRole="administrator" fallback={<NotAllowedPage />}>
                <AdminPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
