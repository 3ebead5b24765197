/** Her own account: sessions, passkeys and recovery codes. */
import {
  ZPasskey,
  ZPasskeyCreationOptions,
  ZPasskeyList,
  ZPasskeyRemoved,
  ZRecoveryCodes,
  ZSessionList,
  ZSignedOut,
} from '@cope/contracts';
import { startRegistration } from '@simplewebauthn/browser';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

export const sessionsQuery = queryOptions({
  queryKey: ['account', 'sessions'],
  queryFn: ({ signal }) => api('/api/auth/sessions', ZSessionList, { signal }),
});

export const passkeysQuery = queryOptions({
  queryKey: ['account', 'passkeys'],
  queryFn: ({ signal }) => api('/api/auth/passkeys', ZPasskeyList, { signal }),
});

export const endSession = (sessionId: string) =>
  api(`/api/auth/sessions/${encodeURIComponent(sessionId)}`, ZSignedOut, { method: 'DELETE' });

export const endAllSessions = () =>
  api('/api/auth/sessions/end-all', ZSignedOut, { method: 'POST', redirectOnUnauthenticated: false });

export const regenerateRecoveryCodes = () =>
  api('/api/auth/recovery-codes', ZRecoveryCodes, { method: 'POST' });

/** Registers a passkey of this device: the server's challenge, the device's answer, saved. */
export async function addPasskey(label: string) {
  const optionsJSON = await api('/api/auth/passkeys/registration-options', ZPasskeyCreationOptions, {
    method: 'POST',
  });
  const response = await startRegistration({ optionsJSON });
  return api('/api/auth/passkeys', ZPasskey, { method: 'POST', body: { label, response } });
}

export const renamePasskey = (id: string, label: string) =>
  api(`/api/auth/passkeys/${encodeURIComponent(id)}`, ZPasskey, { method: 'PATCH', body: { label } });

export const removePasskey = (id: string) =>
  api(`/api/auth/passkeys/${encodeURIComponent(id)}`, ZPasskeyRemoved, { method: 'DELETE' });
