/**
 * The two public steps behind /invite/<token>: see what the link is for, then open it. The
 * token travels in the body, never in an API path, so it stays out of request logs.
 */
import {
  ZInvitationAcceptRequest,
  ZInvitationAcceptResponse,
  ZInvitationInfo,
  ZInvitationLookupRequest,
} from '@cope/contracts';
import { setSessionCookie } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { hashToken } from '../../security/tokens.js';
import type { AttemptLimiter } from './attempts.js';
import { csrfTokenFor } from './csrf.js';
import { resolveSession } from './sessions.js';
import { acceptSetupLink, describeSetupLink } from './setup-links.js';

const tags = ['auth'];

export async function setupLinkRoutes(
  { app, db, config }: AppContext,
  { attempts }: { attempts: AttemptLimiter },
): Promise<void> {
  app.post(
    '/api/auth/setup-links/lookup',
    {
      config: { access: 'public' },
      schema: { tags, body: ZInvitationLookupRequest, response: { 200: ZInvitationInfo } },
    },
    async (request, reply) =>
      attempts.attempt(reply, { address: request.ip }, () => describeSetupLink(db, request.body.token)),
  );

  app.post(
    '/api/auth/setup-links/accept',
    {
      config: { access: 'public' },
      schema: { tags, body: ZInvitationAcceptRequest, response: { 200: ZInvitationAcceptResponse } },
    },
    async (request, reply) => {
      // Guessing her current password through a reset link counts against that link.
      const keys = { account: `setup-link:${hashToken(request.body.token)}`, address: request.ip };
      const { token } = await attempts.attempt(reply, keys, () =>
        acceptSetupLink(db, { ...request.body, userAgent: request.headers['user-agent'] }),
      );
      setSessionCookie(reply, config, token);
      const viewer = await resolveSession(db, token);
      return { state: viewer?.state ?? 'mfa_enrolment_required', csrfToken: csrfTokenFor(token) };
    },
  );
}
