/**
 * Her own account, from the profile page: step-up, sessions, passkeys and recovery codes.
 * Adding or removing a factor and new recovery codes need a fresh second factor (step-up).
 */
import {
  ZPasskey,
  ZPasskeyCreationOptions,
  ZPasskeyList,
  ZPasskeyParams,
  ZPasskeyRegisterRequest,
  ZPasskeyRemoved,
  ZPasskeyRenameRequest,
  ZRecoveryCodes,
  ZSessionList,
  ZSessionParams,
  ZSignedOut,
  ZStepUpRequest,
  ZStepUpResponse,
} from '@cope/contracts';
import { clearSessionCookie, requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { requireStepUp } from '../../http/step-up.js';
import { type AttemptLimiter, secondFactorKeys } from './attempts.js';
import {
  deletePasskey,
  listPasskeys,
  presentPasskey,
  registerPasskey,
  registrationOptions,
  renamePasskey,
} from './passkeys.js';
import { regenerateRecoveryCodes } from './recovery-codes.js';
import { stepUp } from './second-factor.js';
import { endAllSessions, endOwnSession, listSessions } from './session-list.js';
import { type ChallengeStore, relyingParty } from './webauthn.js';

const tags = ['account'];

export async function accountRoutes(
  { app, db, config, keyring }: AppContext,
  { attempts, challenges }: { attempts: AttemptLimiter; challenges: ChallengeStore },
): Promise<void> {
  app.post(
    '/api/auth/step-up',
    { schema: { tags, body: ZStepUpRequest, response: { 200: ZStepUpResponse } } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const passkeys = { rp: relyingParty(request, config), challenges };
      return attempts.attempt(reply, secondFactorKeys(viewer.userId, request.ip), () =>
        stepUp(db, keyring, viewer, request.body, passkeys),
      );
    },
  );

  app.get('/api/auth/sessions', { schema: { tags, response: { 200: ZSessionList } } }, async (request) =>
    listSessions(db, requireViewer(request)),
  );

  app.delete(
    '/api/auth/sessions/:sessionId',
    { schema: { tags, params: ZSessionParams, response: { 200: ZSignedOut } } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await endOwnSession(db, viewer, request.params.sessionId);
      if (request.params.sessionId === viewer.sessionId) clearSessionCookie(reply, config);
      return { signedOut: true as const };
    },
  );

  app.post(
    '/api/auth/sessions/end-all',
    { schema: { tags, response: { 200: ZSignedOut } } },
    async (request, reply) => {
      await endAllSessions(db, requireViewer(request));
      clearSessionCookie(reply, config);
      reply.header('clear-site-data', '"cache", "cookies", "storage"');
      return { signedOut: true as const };
    },
  );

  app.get('/api/auth/passkeys', { schema: { tags, response: { 200: ZPasskeyList } } }, async (request) =>
    listPasskeys(db, requireViewer(request)),
  );

  app.post(
    '/api/auth/passkeys/registration-options',
    { schema: { tags, response: { 200: ZPasskeyCreationOptions } } },
    async (request) => {
      const viewer = requireViewer(request);
      requireStepUp(viewer);
      return registrationOptions(db, viewer, relyingParty(request, config), challenges);
    },
  );

  app.post(
    '/api/auth/passkeys',
    { schema: { tags, body: ZPasskeyRegisterRequest, response: { 201: ZPasskey } } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      requireStepUp(viewer);
      const row = await registerPasskey(db, viewer, relyingParty(request, config), challenges, request.body);
      return reply.status(201).send(presentPasskey(row));
    },
  );

  app.patch(
    '/api/auth/passkeys/:passkeyId',
    { schema: { tags, params: ZPasskeyParams, body: ZPasskeyRenameRequest, response: { 200: ZPasskey } } },
    async (request) =>
      renamePasskey(db, requireViewer(request), request.params.passkeyId, request.body.label),
  );

  app.delete(
    '/api/auth/passkeys/:passkeyId',
    { schema: { tags, params: ZPasskeyParams, response: { 200: ZPasskeyRemoved } } },
    async (request) => {
      const viewer = requireViewer(request);
      requireStepUp(viewer);
      await deletePasskey(db, viewer, request.params.passkeyId);
      return { removed: true as const };
    },
  );

  app.post(
    '/api/auth/recovery-codes',
    { schema: { tags, response: { 200: ZRecoveryCodes } } },
    async (request) => {
      const viewer = requireViewer(request);
      requireStepUp(viewer);
      return { recoveryCodes: await regenerateRecoveryCodes(db, viewer) };
    },
  );
}
