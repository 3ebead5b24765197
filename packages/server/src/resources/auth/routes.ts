import {
  ZLoginRequest,
  ZLoginResponse,
  ZMe,
  ZMfaEnrolmentResponse,
  ZMfaVerifyRequest,
} from '@cope/contracts';
import { z } from 'zod';
import { clearSessionCookie, requireViewer, setSessionCookie } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { confirmEnrolment, describeViewer, signIn, startEnrolment, verifySecondFactor } from './service.js';
import { endSession } from './sessions.js';

const tags = ['auth'];

export async function authRoutes(ctx: AppContext): Promise<void> {
  const { app, db, config, instance, keyring } = ctx;

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, body: ZLoginRequest, response: { 200: ZLoginResponse } },
    },
    async (request, reply) => {
      const { token, state } = await signIn(db, {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, config, token);
      return { state };
    },
  );

  app.post(
    '/api/auth/mfa/verify',
    {
      config: { access: 'signed_in' },
      schema: { tags, body: ZMfaVerifyRequest, response: { 200: ZLoginResponse } },
    },
    async (request, reply) => {
      const token = await verifySecondFactor(
        db,
        keyring,
        requireViewer(request),
        request.body.code,
        request.headers['user-agent'],
      );
      setSessionCookie(reply, config, token);
      return { state: 'active' as const };
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
      schema: { tags, body: ZMfaVerifyRequest, response: { 200: ZLoginResponse } },
    },
    async (request, reply) => {
      const token = await confirmEnrolment(
        db,
        keyring,
        requireViewer(request),
        request.body.code,
        request.headers['user-agent'],
      );
      setSessionCookie(reply, config, token);
      return { state: 'active' as const };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'signed_in' }, schema: { tags, response: { 200: ZMe } } },
    async (request) => describeViewer(db, requireViewer(request), await instance.isDemo()),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'signed_in' },
      schema: { tags, response: { 200: z.object({ signedOut: z.literal(true) }) } },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await db.run({ organizationId: viewer.organizationId, userId: viewer.userId }, (tx) =>
        endSession(tx, viewer.sessionId),
      );
      clearSessionCookie(reply, config);
      reply.header('clear-site-data', '"cache", "cookies", "storage"');
      return { signedOut: true as const };
    },
  );
}
