/** Sign-in, second factor and session calls, and the query that knows who is signed in. */
import {
  type TLoginRequest,
  type TSessionState,
  ZEnrolmentConfirmResponse,
  ZInvitationAcceptResponse,
  ZInvitationInfo,
  ZLoginResponse,
  ZMe,
  ZMfaEnrolmentResponse,
  ZPasskeyRequestOptions,
  ZRecoverySignInResponse,
  ZSignedOut,
  ZStepUpResponse,
} from '@cope/contracts';
import { startAuthentication } from '@simplewebauthn/browser';
import { queryOptions } from '@tanstack/react-query';
import { api, responseServerTime } from '../api/client';

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
  api('/api/auth/mfa/enrolment/confirm', ZEnrolmentConfirmResponse, { method: 'POST', body: { code } });

export const signInWithRecoveryCode = (code: string) =>
  api('/api/auth/mfa/recovery', ZRecoverySignInResponse, { method: 'POST', body: { code } });

/** Asks the device for a passkey (PIN or biometrics) against a challenge from the server. */
export async function passkeyAssertion() {
  const optionsJSON = await api('/api/auth/passkeys/assertion-options', ZPasskeyRequestOptions, {
    method: 'POST',
  });
  return startAuthentication({ optionsJSON });
}

export const signInWithPasskey = async () =>
  api('/api/auth/mfa/passkey', ZLoginResponse, {
    method: 'POST',
    body: { response: await passkeyAssertion() },
  });

export const stepUpWithCode = (code: string) =>
  api('/api/auth/step-up', ZStepUpResponse, { method: 'POST', body: { code } });

export const stepUpWithPasskey = async () =>
  api('/api/auth/step-up', ZStepUpResponse, { method: 'POST', body: { passkey: await passkeyAssertion() } });

export const describeSetupLink = (token: string) =>
  api('/api/auth/setup-links/lookup', ZInvitationInfo, { method: 'POST', body: { token } });

export const acceptSetupLink = (token: string, password: string) =>
  api('/api/auth/setup-links/accept', ZInvitationAcceptResponse, {
    method: 'POST',
    body: { token, password },
    redirectOnUnauthenticated: false,
  });

export const signOutRequest = () =>
  api('/api/auth/logout', ZSignedOut, {
    method: 'POST',
    redirectOnUnauthenticated: false,
  });

/** Where each sign-in state continues. */
export const NEXT_STEP: Record<TSessionState, string> = {
  mfa_enrolment_required: '/mfa/enrol',
  enrolment_link_required: '/mfa/link-required',
  mfa_required: '/mfa',
  active: '/participants',
};
