/** Sign-in, second factor and session calls, and the query that knows who is signed in. */
import {
  type TLoginRequest,
  type TSessionState,
  ZLoginResponse,
  ZMe,
  ZMfaEnrolmentResponse,
} from '@cope/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api, type ResponseSchema, responseServerTime } from '../api/client';

// The contracts have no schema for the sign-out reply yet; this checks the one field we use.
const signedOutReply: ResponseSchema<{ signedOut: true }> = {
  parse(data) {
    if (typeof data === 'object' && data !== null && 'signedOut' in data && data.signedOut === true) {
      return { signedOut: true };
    }
    throw new Error('Unexpected sign-out reply');
  },
};

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => api('/api/auth/me', ZMe, { signal }),
});

/** POST /api/auth/mfa/enrolment creates a new secret on every call: fetch it once per visit. */
export const enrolmentQuery = queryOptions({
  queryKey: ['mfa-enrolment'],
  queryFn: () => api('/api/auth/mfa/enrolment', ZMfaEnrolmentResponse, { method: 'POST' }),
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 0,
  retry: false,
});

/**
 * Asks the server to extend the session (any request does) and measures how long it now has
 * left, on the server's own clock, so the answer holds whatever this device's clock says.
 */
export async function extendSession() {
  const sent: { at: number | null } = { at: null };
  const me = await api('/api/auth/me', ZMe, {
    onResponse: (response) => {
      sent.at = responseServerTime(response);
    },
  });
  const remainingMs =
    sent.at === null ? me.session.idleMinutes * 60_000 : Date.parse(me.session.expiresAt) - sent.at;
  return { me, remainingMs };
}

export const signIn = (body: TLoginRequest) =>
  api('/api/auth/login', ZLoginResponse, { method: 'POST', body, redirectOnUnauthenticated: false });

export const verifySecondFactor = (code: string) =>
  api('/api/auth/mfa/verify', ZLoginResponse, { method: 'POST', body: { code } });

export const confirmEnrolment = (code: string) =>
  api('/api/auth/mfa/enrolment/confirm', ZLoginResponse, { method: 'POST', body: { code } });

export const signOutRequest = () =>
  api('/api/auth/logout', signedOutReply, {
    method: 'POST',
    redirectOnUnauthenticated: false,
  });

/** Where each sign-in state continues. */
export const NEXT_STEP: Record<TSessionState, string> = {
  mfa_enrolment_required: '/mfa/enrol',
  mfa_required: '/mfa',
  active: '/participants',
};
