import {
  ZEnrolmentConfirmResponse,
  ZLoginRequest,
  ZLoginResponse,
  ZMe,
  ZMfaEnrolmentResponse,
  ZMfaVerifyRequest,
  ZPasskeyAssertionRequest,
  ZPasskeyRequestOptions,
  ZRecoveryCodeRequest,
  ZRecoverySignInResponse,
  ZSignedOut,
} from '@cope/contracts';
import { recordAudit } from '../../audit/record.js';
import { clearSessionCookie, requireViewer, sessionCookieName, setSessionCookie } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { accountRoutes } from './account-routes.js';
import { AttemptLimiter, passwordKeys, secondFactorKeys } from './attempts.js';
import { csrfTokenFor } from './csrf.js';
import { assertionOptions } from './passkeys.js';
import { signInWithPasskey, signInWithRecoveryCode, signInWithTotp } from './second-factor.js';
import { confirmEnrolment, context, describeViewer, signIn, startEnrolment } from './service.js';
import { endSession } from './sessions.js';
import { setupLinkRoutes } from './setup-links-routes.js';
import { ChallengeStore, relyingParty } from './webauthn.js';

const tags = ['auth'];

export async function authRoutes(ctx: AppContext): Promise<void> {
  const { app, db, config, instance, keyring } = ctx;
  const attempts = new AttemptLimiter();
  const challenges = new ChallengeStore();

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, body: ZLoginRequest, response: { 200: ZLoginResponse } },
    },
    async (request, reply) => {
      const { token, state } = await attempts.attempt(
        reply,
        passwordKeys(request.body.email, request.ip),
        () => signIn(db, { ...request.body, userAgent: request.headers['user-agent'] }),
      );
      setSessionCookie(reply, config, token);
      return { state, csrfToken: csrfTokenFor(token) };
    },
  );

  app.post(
    '/api/auth/mfa/verify',
    {
      config: { access: 'signed_in' },
      schema: { tags, body: ZMfaVerifyRequest, response: { 200: ZLoginResponse } },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const token = await attempts.attempt(reply, secondFactorKeys(viewer.userId, request.ip), () =>
        signInWithTotp(db, keyring, viewer, request.body.code, request.headers['user-agent']),
      );
      setSessionCookie(reply, config, token);
      return { state: 'active' as const, csrfToken: csrfTokenFor(token) };
    },
  );

  app.post(
    '/api/auth/mfa/recovery',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        body: ZRecoveryCodeRequest,
        response: { 200: ZRecoverySignInResponse },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const result = await attempts.attempt(reply, secondFactorKeys(viewer.userId, request.ip), () =>
        signInWithRecoveryCode(db, viewer, request.body.code, request.headers['user-agent']),
      );
      setSessionCookie(reply, config, result.token);
      return {
        state: 'active' as const,
        csrfToken: csrfTokenFor(result.token),
        recoveryCodesLeft: result.recoveryCodesLeft,
      };
    },
  );

  app.post(
    '/api/auth/passkeys/assertion-options',
    {
      config: { access: 'signed_in' },
      schema: { tags, response: { 200: ZPasskeyRequestOptions } },
    },
    async (request) =>
      assertionOptions(db, requireViewer(request), relyingParty(request, config), challenges),
  );

  app.post(
    '/api/auth/mfa/passkey',
    {
      config: { access: 'signed_in' },
      schema: { tags, body: ZPasskeyAssertionRequest, response: { 200: ZLoginResponse } },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const passkey = { rp: relyingParty(request, config), challenges, response: request.body.response };
      const token = await attempts.attempt(reply, secondFactorKeys(viewer.userId, request.ip), () =>
        signInWithPasskey(db, viewer, passkey, request.headers['user-agent']),
      );
      setSessionCookie(reply, config, token);
      return { state: 'active' as const, csrfToken: csrfTokenFor(token) };
    },
  );

  app.post(
    '/api/auth/mfa/enrolment',
    { config: { access: 'signed_in' }, schema: { tags, response: { 200: ZMfaEnrolmentResponse } } },
    async (request) => startEnrolment(db, keyring, requireViewer(request)),
  );

  app.post(
    '/api/auth/mfa/enrolment/confirm',
    {
      config: { access: 'signed_in' },
      schema: { tags, body: ZMfaVerifyRequest, response: { 200: ZEnrolmentConfirmResponse } },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { token, recoveryCodes } = await attempts.attempt(
        reply,
        secondFactorKeys(viewer.userId, request.ip),
        () => confirmEnrolment(db, keyring, viewer, request.body.code, request.headers['user-agent']),
      );
      setSessionCookie(reply, config, token);
      return { state: 'active' as const, csrfToken: csrfTokenFor(token), recoveryCodes };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'signed_in' }, schema: { tags, response: { 200: ZMe } } },
    async (request) =>
      describeViewer(
        db,
        requireViewer(request),
        await instance.isDemo(),
        csrfTokenFor(request.cookies[sessionCookieName(config)] ?? ''),
      ),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'signed_in' }, schema: { tags, response: { 200: ZSignedOut } } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await db.run(context(viewer), async (tx) => {
        await endSession(tx, viewer.sessionId);
        await recordAudit(tx, {
          organizationId: viewer.organizationId,
          actorUserId: viewer.userId,
          action: 'auth.sign_out',
          resourceType: 'auth_session',
          resourceId: viewer.sessionId,
        });
      });
      clearSessionCookie(reply, config);
      reply.header('clear-site-data', '"cache", "cookies", "storage"');
      return { signedOut: true as const };
    },
  );

  await accountRoutes(ctx, { attempts, challenges });
  await setupLinkRoutes(ctx, { attempts });
}
