import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { forgetSignedInData } from '../api/cache';
import { setCsrfToken } from '../api/client';
import { restoreLanguageChoice } from '../i18n';
import { signOutRequest } from './api';
import { markSessionSeen, type SignedOutReason } from './navigation';
import { announce } from './session-channel';

export interface SignOutOptions {
  /** False when the session is already over on the server (signed out in another tab). */
  notifyServer?: boolean;
  /** False when the other tabs reach the same conclusion on their own (idle expiry). */
  notifyTabs?: boolean;
}

/** Ends the session, forgets every case detail held in memory and returns to the sign-in page. */
export function useSignOut(): (reason?: SignedOutReason, options?: SignOutOptions) => Promise<void> {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback(
    async (reason: SignedOutReason = 'signed_out', options: SignOutOptions = {}) => {
      if (options.notifyServer !== false) {
        try {
          await signOutRequest();
        } catch {
          // Already signed out or unreachable: the local clean-up below still happens.
        }
      }
      restoreLanguageChoice();
      markSessionSeen(false);
      setCsrfToken(null);
      if (options.notifyTabs !== false) announce({ type: 'signed_out' });
      await navigate('/login', { replace: true, state: { reason } });
      forgetSignedInData(queryClient);
    },
    [navigate, queryClient],
  );
}
